import type { ProblemDocument } from '@faultline/core';
import { XMLParser } from 'fast-xml-parser';
import { problemXml } from '../src/problem-xml';

const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

describe('a problem as application/problem+xml (RFC 9457 Appendix B)', () => {
  it("writes the RFC's own example: the namespace, one element per member, arrays as i", () => {
    const body = {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      detail: 'Your current balance is 30, but that costs 50.',
      instance: 'https://example.net/account/12345/msgs/abc',
      balance: 30,
      accounts: ['https://example.net/account/12345', 'https://example.net/account/67890'],
    } as unknown as ProblemDocument;
    expect(problemXml(body)).toBe(
      `${declaration}<problem xmlns="urn:ietf:rfc:7807">` +
        '<type>https://example.com/probs/out-of-credit</type>' +
        '<title>You do not have enough credit.</title>' +
        '<detail>Your current balance is 30, but that costs 50.</detail>' +
        '<instance>https://example.net/account/12345/msgs/abc</instance>' +
        '<balance>30</balance>' +
        '<accounts><i>https://example.net/account/12345</i><i>https://example.net/account/67890</i></accounts>' +
        '</problem>',
    );
  });

  it('writes objects as nested elements, escapes text and replaces what XML cannot carry', () => {
    const body = {
      status: 400,
      title: 'Bad Request',
      type: 'about:blank',
      detail: 'a < b & c > d \u0000 \uD800',
      errors: [{ pointer: '#/name', detail: 'Must be a string.' }],
      ok: false,
      nothing: null,
    } as unknown as ProblemDocument;
    expect(problemXml(body)).toBe(
      `${declaration}<problem xmlns="urn:ietf:rfc:7807"><status>400</status><title>Bad Request</title>` +
        '<type>about:blank</type><detail>a &lt; b &amp; c &gt; d \uFFFD \uFFFD</detail>' +
        '<errors><i><pointer>#/name</pointer><detail>Must be a string.</detail></i></errors>' +
        '<ok>false</ok><nothing/></problem>',
    );
  });

  it('leaves out members whose names are not XML names, and what JSON leaves out', () => {
    const body = {
      status: 500,
      title: 'Internal Server Error',
      type: 'about:blank',
      'not a name': 1,
      '1st': 2,
      'x:y': 3,
      gone: undefined,
      fn: () => 1,
    } as unknown as ProblemDocument;
    expect(problemXml(body)).toBe(
      `${declaration}<problem xmlns="urn:ietf:rfc:7807"><status>500</status>` +
        '<title>Internal Server Error</title><type>about:blank</type></problem>',
    );
  });

  it('reads back as the JSON body', () => {
    const body = {
      status: 422,
      title: 'Unprocessable Content',
      type: 'https://api.example.com/problems#validation',
      detail: 'Two fields are wrong: <name> & "size".',
      error_code: 'VALIDATION_ERROR',
      errors: [
        { pointer: '#/name', detail: 'Required.' },
        { pointer: '#/size', detail: 'Must be positive.' },
      ],
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      retryable: true,
    } as unknown as ProblemDocument;
    const parsed = new XMLParser({
      ignoreAttributes: false,
      ignoreDeclaration: true,
      isArray: (name) => name === 'i',
    }).parse(problemXml(body)) as { problem: Record<string, unknown> };
    const { '@_xmlns': namespace, errors, ...members } = parsed.problem;
    expect(namespace).toBe('urn:ietf:rfc:7807');
    expect({ ...members, errors: (errors as { i: unknown[] }).i }).toEqual(body);
  });
});
