import { readProblem, readText } from '@faultline/client';
import {
  closeAll,
  type ExampleServer,
  startExampleServers,
  TYPE_BASE,
} from './support/example-servers';

const problemJson = 'application/problem+json';

function response(body: string, headers: Record<string, string>, status = 400): Response {
  return new Response(body, { status, headers });
}

describe('readProblem, the media type', () => {
  it.each([
    'application/problem+json',
    'application/problem+json; charset=utf-8',
    'Application/Problem+JSON ;charset="UTF-8"',
  ])('reads any JSON object sent as %s', async (contentType) => {
    const problem = await readProblem(response('{}', { 'content-type': contentType }, 409));
    expect(problem).toEqual({
      status: 409,
      title: undefined,
      type: 'about:blank',
      detail: undefined,
      instance: undefined,
      code: undefined,
      errors: [],
      retryAfter: undefined,
      extensions: {},
    });
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/vnd.api+json'])(
    'reads %s when the object has a type or a title',
    async (contentType) => {
      const typed = await readProblem(
        response('{"type":"https://x.test/#gone"}', { 'content-type': contentType }),
      );
      expect(typed?.type).toBe('https://x.test/#gone');
      const titled = await readProblem(
        response('{"title":"Gone"}', { 'content-type': contentType }),
      );
      expect(titled?.title).toBe('Gone');
      const plain = await readProblem(
        response('{"message":"no"}', { 'content-type': contentType }),
      );
      expect(plain).toBeUndefined();
    },
  );

  it.each([
    ['text/html', '<h1>502 Bad Gateway</h1>'],
    ['application/problem+xml', '<problem/>'],
    ['text/json', '{"title":"x"}'],
    ['application/jsonx', '{"title":"x"}'],
  ])('leaves a %s body unread, for readText', async (contentType, body) => {
    const res = response(body, { 'content-type': contentType }, 502);
    expect(await readProblem(res)).toBeUndefined();
    expect(res.bodyUsed).toBe(false);
    expect(await readText(res)).toBe(body);
  });

  it('leaves a body without Content-Type unread', async () => {
    const res = new Response(new Blob(['{"title":"x"}']), { status: 500 });
    res.headers.delete('content-type');
    expect(await readProblem(res)).toBeUndefined();
    expect(res.bodyUsed).toBe(false);
  });
});

describe('readProblem, a body that is not a problem', () => {
  it.each([
    ['malformed JSON', '{"title": "cut'],
    ['an empty body', ''],
    ['an array', '[{"title":"x"}]'],
    ['a string', '"Bad Request"'],
    ['null', 'null'],
    ['a number', '400'],
  ])('is undefined for %s, never a throw, and its text stays readable', async (_, body) => {
    const res = response(body, { 'content-type': problemJson });
    expect(await readProblem(res)).toBeUndefined();
    expect(res.bodyUsed).toBe(true);
    expect(await readText(res)).toBe(body);
  });

  it('rejects when the body cannot be received, rather than call it malformed', async () => {
    const failing = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title":'));
        controller.error(new Error('connection reset'));
      },
    });
    const res = new Response(failing, { status: 500, headers: { 'content-type': problemJson } });
    await expect(readProblem(res)).rejects.toThrow('connection reset');
  });
});

describe('readProblem, the members', () => {
  it('reads the standard members, error_code as code, and keeps the others as extensions', async () => {
    const body = {
      status: 402,
      title: 'Payment Required',
      type: 'https://api.test/errors#payment-required',
      detail: 'Your balance is 30, the dataset costs 50.',
      instance: '/v2/orders/7',
      error_code: 'PAYMENT_REQUIRED',
      balance: 30,
      accounts: ['/accounts/1'],
    };
    const problem = await readProblem(
      response(JSON.stringify(body), { 'content-type': problemJson }, 402),
    );
    expect(problem).toEqual({
      status: 402,
      title: 'Payment Required',
      type: 'https://api.test/errors#payment-required',
      detail: 'Your balance is 30, the dataset costs 50.',
      instance: '/v2/orders/7',
      code: 'PAYMENT_REQUIRED',
      errors: [],
      retryAfter: undefined,
      extensions: { balance: 30, accounts: ['/accounts/1'] },
    });
  });

  it('takes the status from the response: the body may not say, or say otherwise', async () => {
    const res = response(
      '{"status":200,"title":"Not Found"}',
      { 'content-type': problemJson },
      404,
    );
    expect((await readProblem(res))?.status).toBe(404);
  });

  it('ignores members of the wrong type (RFC 9457 §3.1)', async () => {
    const body = { title: 42, type: ['x'], detail: {}, instance: null, error_code: 7, errors: 'x' };
    const problem = await readProblem(
      response(JSON.stringify(body), { 'content-type': problemJson }),
    );
    expect(problem).toMatchObject({
      title: undefined,
      type: 'about:blank',
      detail: undefined,
      instance: undefined,
      code: undefined,
      errors: [],
      extensions: {},
    });
  });

  it('keeps a member named __proto__ as data, not as a prototype', async () => {
    const problem = await readProblem(
      response('{"title":"x","__proto__":{"polluted":true}}', { 'content-type': problemJson }),
    );
    expect(Object.getPrototypeOf(problem?.extensions)).toBe(Object.prototype);
    expect(Object.keys(problem?.extensions ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads the body once: a second read, and readText, give what the first one read', async () => {
    const res = response('{"title":"Conflict","detail":"Taken."}', { 'content-type': problemJson });
    const first = await readProblem(res);
    expect(await readProblem(res)).toEqual(first);
    expect(await readText(res)).toBe('{"title":"Conflict","detail":"Taken."}');
  });

  it('shares the text it read with every other copy of the package', async () => {
    let otherCopy: typeof import('../src/read-problem') | undefined;
    jest.isolateModules(() => {
      otherCopy = require('../src/read-problem') as typeof import('../src/read-problem');
    });
    expect(otherCopy?.readText).not.toBe(readText);
    const res = response('{"title":"Conflict"}', { 'content-type': problemJson });
    expect((await readProblem(res))?.title).toBe('Conflict');
    expect(await otherCopy?.readText(res)).toBe('{"title":"Conflict"}');
  });

  it('reads a body that readText read first', async () => {
    const res = response('{"title":"Conflict"}', { 'content-type': problemJson });
    expect(await readText(res)).toBe('{"title":"Conflict"}');
    expect((await readProblem(res))?.title).toBe('Conflict');
  });
});

describe('readProblem, errors and their JSON Pointers (RFC 6901)', () => {
  async function pointersOf(pointers: unknown[]): Promise<string[] | undefined> {
    const errors = pointers.map((pointer) => ({ detail: 'wrong', pointer }));
    const problem = await readProblem(
      response(JSON.stringify({ errors }), { 'content-type': problemJson }, 422),
    );
    return problem?.errors.map((entry) => entry.pointer);
  }

  it('reads the string form and the URI fragment form, as the string form', async () => {
    expect(
      await pointersOf([
        '/name',
        '#/name',
        '',
        '#',
        '/items/0/price',
        '#/a%20b',
        '#/~1x~0',
        '/a~1b',
      ]),
    ).toEqual(['/name', '/name', '', '', '/items/0/price', '/a b', '/~1x~0', '/a~1b']);
  });

  it('reads non-ASCII names, encoded in a fragment or not in a string', async () => {
    expect(await pointersOf(['/prénom', '#/pr%C3%A9nom'])).toEqual(['/prénom', '/prénom']);
  });

  it('drops an entry whose pointer is not valid', async () => {
    expect(
      await pointersOf([
        'name', // no leading slash
        '/a~2', // ~ not followed by 0 or 1
        '/a~', // ~ at the end
        '#name',
        '#/a b', // a space, not percent-encoded, in a fragment
        '#/%FF', // percent-encoded bytes that are not UTF-8
        '#/%zz',
        '#/a~2',
        42,
        null,
      ]),
    ).toEqual([]);
  });

  it('drops an entry without a string detail, and anything that is not an entry', async () => {
    const errors = [
      { pointer: '/name' },
      { detail: 5, pointer: '/name' },
      'wrong',
      null,
      { detail: 'kept', pointer: '#/kept', in: 'body' },
    ];
    const problem = await readProblem(
      response(JSON.stringify({ errors }), { 'content-type': problemJson }, 422),
    );
    expect(problem?.errors).toEqual([{ detail: 'kept', pointer: '/kept' }]);
  });
});

describe('readProblem, Retry-After', () => {
  async function retryAfterOf(headers: Record<string, string>): Promise<number | undefined> {
    const res = response('{}', { 'content-type': problemJson, ...headers }, 503);
    return (await readProblem(res))?.retryAfter;
  }
  const date = 'Wed, 02 Dec 2026 07:00:00 GMT';

  it('reads delta-seconds: digits only', async () => {
    expect(await retryAfterOf({ 'retry-after': '120' })).toBe(120);
    expect(await retryAfterOf({ 'retry-after': '0' })).toBe(0);
    for (const value of ['1.5', '-1', '+5', '1e3', '0x10', 'soon', '12 s']) {
      expect(await retryAfterOf({ 'retry-after': value })).toBeUndefined();
    }
  });

  it('counts an HTTP-date from the Date of the response, in any of its three forms', async () => {
    expect(await retryAfterOf({ date, 'retry-after': 'Wed, 02 Dec 2026 07:01:30 GMT' })).toBe(90);
    expect(await retryAfterOf({ date, 'retry-after': 'Wednesday, 02-Dec-26 07:02:00 GMT' })).toBe(
      120,
    );
    expect(await retryAfterOf({ date, 'retry-after': 'Wed Dec  2 07:00:05 2026' })).toBe(5);
  });

  it('is 0 for a date already past', async () => {
    expect(await retryAfterOf({ date, 'retry-after': 'Tue, 01 Dec 2026 07:00:00 GMT' })).toBe(0);
    expect(await retryAfterOf({ 'retry-after': 'Sun, 06 Nov 1994 08:49:37 GMT' })).toBe(0);
  });

  it('ignores what is not an HTTP-date', async () => {
    for (const value of [
      'Wed, 31 Feb 2026 07:00:00 GMT', // no such day
      'Wed, 02 Dec 2026 24:00:00 GMT',
      'Wed, 02 Dxc 2026 07:00:00 GMT',
      'Wed, 02 Dec 2026 07:00:00 UTC',
      '2026-12-02T07:01:00Z',
    ]) {
      expect(await retryAfterOf({ date, 'retry-after': value })).toBeUndefined();
    }
  });
});

describe('readProblem over real HTTP, from both example APIs', () => {
  let servers: ExampleServer[];
  beforeAll(async () => {
    servers = await startExampleServers();
  });
  afterAll(() => closeAll(servers));

  const admin = { authorization: 'Bearer demo-admin-key' };

  it('reads a validation failure with its pointer', async () => {
    for (const { url } of servers) {
      const res = await fetch(`${url}/v2/datasets`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: '{}',
      });
      const problem = await readProblem(res);
      expect(problem).toMatchObject({
        status: 422,
        title: 'Unprocessable Entity',
        type: `${TYPE_BASE}#validation-error`,
        code: 'MISSING_REQUIRED_FIELD',
        errors: [{ detail: expect.stringContaining('name'), pointer: '/name' }],
      });
    }
  });

  it('reads a 503 with Retry-After, and no error_code', async () => {
    for (const { url } of servers) {
      const problem = await readProblem(
        await fetch(`${url}/v2/_demo/maintenance`, { headers: admin }),
      );
      expect(problem).toMatchObject({ status: 503, code: undefined, retryAfter: 120 });
    }
  });

  it('reads the 405 of a method a path does not serve', async () => {
    for (const { url } of servers) {
      const problem = await readProblem(await fetch(`${url}/v2/datasets`, { method: 'PUT' }));
      expect(problem).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    }
  });
});
