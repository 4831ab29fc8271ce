import { ProblemError, validationProblem } from '@faultline/core';
import { frameworks } from './support/frameworks';
import { type Observation, observe } from './support/observe';
import { readProblemXml } from './support/problem-xml-reader';
import type { Scenario } from './support/scenario';

/*
 * The round trip of RFC 9457 Appendix B: on Express 4 and 5 and Fastify 4 and 5, over real HTTP,
 * the `application/problem+xml` answer to a failure, read back, is the JSON answer to the same
 * failure: every member, array and nested object.
 */
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

const failures: readonly (readonly [string, () => unknown])[] = [
  [
    'a 404 with a detail',
    () => new ProblemError('RESOURCE_NOT_FOUND', { detail: 'No <such> & "thing".' }),
  ],
  [
    'a validation problem, errors as an array of objects',
    () =>
      validationProblem([
        { path: ['name'], keyword: 'required' },
        { path: ['tags', 0], keyword: 'type', params: { type: 'string' } },
      ]),
  ],
  [
    'extensions: numbers, booleans, nested objects and arrays',
    () =>
      new ProblemError('RESOURCE_ALREADY_EXISTS', {
        extensions: {
          balance: 30,
          retryable: false,
          limits: { daily: 10, used: [3, 4] },
          accounts: ['/account/1', '/account/2'],
        },
      }),
  ],
  ['a 500', () => new Error('database timed out')],
];

function scenario(accept: string, throws: () => unknown): Scenario {
  return {
    name: accept,
    options: () => ({ xml: true, traceId: true, instance: true }),
    handler: { throws },
    request: {
      method: 'GET',
      path: '/subject',
      headers: { Accept: accept, traceparent: `00-${TRACE}-00f067aa0ba902b7-01` },
    },
    expect: { status: 0, logs: 'unchecked' },
  };
}

function answered(observation: Observation): Observation & { kind: 'answer' } {
  if (observation.kind !== 'answer') throw new Error(`no answer: ${JSON.stringify(observation)}`);
  return observation;
}

describe.each(frameworks.map((framework) => [framework.name, framework] as const))(
  'problem+xml on %s',
  (_name, framework) => {
    it.each(failures)('%s reads back as the JSON answer', async (_what, throws) => {
      const json = answered(await observe(framework, scenario('application/problem+json', throws)));
      const xml = answered(await observe(framework, scenario('application/problem+xml', throws)));
      const contentType = (observation: Observation & { kind: 'answer' }) =>
        observation.headers.find(([name]) => name === 'content-type')?.[1];
      expect(contentType(json)).toBe('application/problem+json');
      expect(contentType(xml)).toBe('application/problem+xml');
      expect(xml.status).toBe(json.status);
      const read = readProblemXml(xml.body);
      expect({ root: read.root, namespace: read.namespace }).toEqual({
        root: 'problem',
        namespace: 'urn:ietf:rfc:7807',
      });
      expect(read.problem).toEqual(JSON.parse(json.body));
    });
  },
);
