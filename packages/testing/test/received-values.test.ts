import '@faultline/testing/jest';
import axios, { AxiosError } from 'axios';
import request from 'supertest';
import { expressApp, listenFastify } from './support/apps';
import { failureOf } from './support/failure';

let server: Awaited<ReturnType<typeof listenFastify>>;
beforeAll(async () => {
  server = await listenFastify();
});
afterAll(() => server.close());

describe('an axios error', () => {
  it('is read through the response it carries', async () => {
    await expect(axios.get(`${server.url}/datasets/abc`)).rejects.toBeProblem(
      404,
      'RESOURCE_NOT_FOUND',
    );
    await expect(axios.get(`${server.url}/limited`)).rejects.toMatchProblem({ status: 429 });
  });

  it('without a response is a matcher error that says so', async () => {
    const error = new AxiosError('Network Error', AxiosError.ERR_NETWORK);
    expect(await failureOf(() => expect(error).toBeProblem(404))).toBe(
      'expect(response).toBeProblem(status)\n\nMatcher error: the received value must be a response of supertest, Fastify inject, fetch or axios: the axios request failed without a response (Network Error)',
    );
  });
});

describe('a fetch Response', () => {
  it('is left readable: the matchers read a clone', async () => {
    const response = await fetch(`${server.url}/datasets/abc`);
    await expect(response).toBeProblem(404);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toMatchObject({ status: 404 });
  });

  it('whose body was read already fails, saying so', async () => {
    const response = await fetch(`${server.url}/datasets/abc`);
    await response.text();
    expect(await failureOf(() => expect(response).toBeProblem(404))).toContain(
      '  - the body was already read: give the matcher the response before reading it, or a clone()',
    );
  });

  it('gives a promise the runner awaits, for .resolves too', async () => {
    const pending = expect(await fetch(`${server.url}/crash`)).toBeProblem(500);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    await expect(fetch(`${server.url}/crash`)).resolves.toBeProblem(500);
  });
});

describe('what is not a response', () => {
  it.each([
    ['a body', { status: 404, title: 'Not Found' }, 'it is not a response of'],
    ['a string', '404', 'string is not a response'],
    ['null', null, 'null is not a response'],
    ['undefined', undefined, 'undefined is not a response'],
  ])('%s is a matcher error', async (_label, value, reason) => {
    const toBe = await failureOf(() => expect(value).toBeProblem(404));
    expect(toBe).toContain(
      'Matcher error: the received value must be a response of supertest, Fastify inject, fetch or axios: ',
    );
    expect(toBe).toContain(reason);
    const toMatch = await failureOf(() => expect(value).toMatchProblem({}));
    expect(toMatch).toContain('expect(response).toMatchProblem(expected)');
    expect(toMatch).toContain(reason);
  });

  it('is a matcher error negated too', async () => {
    expect(await failureOf(() => expect({}).not.toBeProblem(404))).toContain('Matcher error');
  });
});

describe('arguments the matchers refuse', () => {
  const app = expressApp();

  it('a status that is no error status', async () => {
    const response = await request(app).get('/datasets/abc');
    expect(await failureOf(() => expect(response).toBeProblem(200))).toBe(
      'expect(response).toBeProblem(status)\n\nMatcher error: the expected status must be an integer from 400 to 599; got 200',
    );
    expect(await failureOf(() => expect(response).toBeProblem('404' as never))).toContain(
      'the expected status must be an integer from 400 to 599; got 404',
    );
  });

  it('a code that is not a string', async () => {
    const response = await request(app).get('/datasets/abc');
    expect(await failureOf(() => expect(response).toBeProblem(404, 404 as never))).toBe(
      'expect(response).toBeProblem(status, code)\n\nMatcher error: the expected code must be a string; got number',
    );
  });

  it('a code on a 5xx, which never carries one', async () => {
    const response = await request(app).get('/crash');
    expect(
      await failureOf(() => expect(response).toBeProblem(500, 'INTERNAL_SERVER_ERROR')),
    ).toContain(
      'Matcher error: a 500 problem never carries an error_code: leave out "INTERNAL_SERVER_ERROR"',
    );
  });

  it('an expectation that is not an object of members', async () => {
    const response = await request(app).get('/datasets/abc');
    expect(await failureOf(() => expect(response).toMatchProblem(404 as never))).toBe(
      'expect(response).toMatchProblem(expected)\n\nMatcher error: the expected problem must be an object of members, such as { status: 404 }; got 404',
    );
  });
});
