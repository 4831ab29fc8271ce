import Boom from '@hapi/boom';
import createError from 'http-errors';
import { type Comparable, comparable, consensus } from './support/consensus';
import { check } from './support/expectation';
import { frameworksFor } from './support/frameworks';
import { type Observation, observe } from './support/observe';
import type { FrameworkName, Scenario } from './support/scenario';

/**
 * An error's own `Allow`, `WWW-Authenticate` and `Retry-After`, and the challenge a middleware
 * set before a 401: every adapter keeps what is valid, drops what is not, and reads why
 * authentication failed from the challenge. Each scenario runs on Express 4 and 5 and Fastify 4
 * and 5 over real HTTP, as the matrix does.
 */
const get = { method: 'GET', path: '/subject' } as const;
const rejected = 'Bearer realm="Users", error="invalid_token"';
const date = 'Wed, 21 Oct 2026 07:28:00 GMT';

const scenarios: readonly Scenario[] = [
  {
    name: "an http-errors 405's own Allow",
    handler: { throws: () => createError(405, { headers: { Allow: 'GET, HEAD' } }) },
    request: get,
    expect: { status: 405, errorCode: 'METHOD_NOT_ALLOWED', headers: { allow: 'GET, HEAD' } },
  },
  {
    name: "Boom.methodNotAllowed's Allow",
    handler: { throws: () => Boom.methodNotAllowed('Read only.', undefined, ['GET']) },
    request: get,
    expect: { status: 405, errorCode: 'METHOD_NOT_ALLOWED', headers: { allow: 'GET' } },
  },
  {
    name: 'an Allow that is not a list of methods',
    handler: { throws: () => createError(405, { headers: { Allow: 'GET; rm' } }) },
    request: get,
    expect: { status: 405, errorCode: 'METHOD_NOT_ALLOWED', headers: { allow: '' } },
  },
  {
    name: 'a 401\'s own challenge with error="invalid_token"',
    handler: { throws: () => createError(401, { headers: { 'WWW-Authenticate': rejected } }) },
    request: get,
    expect: {
      status: 401,
      errorCode: 'INVALID_CREDENTIALS',
      headers: { 'www-authenticate': rejected },
    },
  },
  {
    name: 'a challenge set on the response before a 401',
    handler: { headers: { 'WWW-Authenticate': rejected }, throws: () => createError(401) },
    request: get,
    expect: {
      status: 401,
      errorCode: 'INVALID_CREDENTIALS',
      body: { detail: 'Unauthorized' },
      headers: { 'www-authenticate': rejected },
    },
  },
  {
    name: 'a challenge that is not one',
    handler: {
      throws: () => createError(401, { headers: { 'WWW-Authenticate': 'Bearer realm="x' } }),
    },
    request: get,
    expect: {
      status: 401,
      errorCode: 'AUTHENTICATION_REQUIRED',
      headers: { 'www-authenticate': 'Bearer' },
    },
  },
  {
    name: 'a Retry-After HTTP-date on a 503',
    handler: { throws: () => createError(503, { headers: { 'Retry-After': date } }) },
    request: get,
    expect: { status: 503, headers: { 'retry-after': date } },
  },
  {
    name: 'a Retry-After that is neither digits nor a date',
    handler: { throws: () => createError(503, { headers: { 'Retry-After': '0x10' } }) },
    request: get,
    expect: { status: 503, absentHeaders: ['retry-after'] },
  },
];

describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
  '%s',
  (_name, scenario) => {
    const runs = frameworksFor(scenario);
    const observed = new Map<FrameworkName, Observation>();

    beforeAll(async () => {
      for (const framework of runs) {
        observed.set(framework.name, await observe(framework, scenario));
      }
    }, 120_000);

    function observationOf(name: FrameworkName): Observation {
      const observation = observed.get(name);
      if (observation === undefined) throw new Error(`${name} was not observed`);
      return observation;
    }

    const names = runs.map((framework) => framework.name);

    test.each(names)('%s answers as the other adapters do', (name) => {
      const others: Comparable = consensus(names.map((other) => comparable(observationOf(other))));
      expect(comparable(observationOf(name))).toEqual(others);
    });

    test.each(names)("%s gives the scenario's expected answer", (name) => {
      const { actual, expected } = check(observationOf(name), scenario);
      expect(actual).toEqual(expected);
    });
  },
);
