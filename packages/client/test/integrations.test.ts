import { isProblemResponseError, readText } from '@faultline/client';
import { type AxiosProblemError, problemInterceptor } from '@faultline/client/axios';
import { problemOf as kyProblemOf, problemHook } from '@faultline/client/ky';
import { problemOf as ofetchProblemOf } from '@faultline/client/ofetch';
import axios, { type AxiosResponse } from 'axios';
import type { HTTPError } from 'ky';
import { FetchError, ofetch } from 'ofetch';
import { closeAll, type ExampleServer, startExampleServers } from './support/example-servers';
import { loadKy } from './support/ky-as-commonjs';
import { problemAnswer, type ScriptedServer, startScriptedServer } from './support/scripted-server';

const ky = loadKy();
let servers: ExampleServer[];
let scripted: ScriptedServer;
beforeAll(async () => {
  [servers, scripted] = await Promise.all([startExampleServers(), startScriptedServer()]);
});
afterAll(() => Promise.all([closeAll(servers), scripted.close()]));
beforeEach(() => scripted.reset());

const admin = { authorization: 'Bearer demo-admin-key' };
const unknownId = 'ZGF0YXNldC10ZXN0';
const notFound = `Dataset with ID '${unknownId}' was not found.`;
const html = {
  status: 502,
  headers: { 'content-type': 'text/html' },
  body: '<h1>Bad Gateway</h1>',
};

function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('it resolved');
    },
    (error: unknown) => error,
  );
}

describe('ky 1.x: problemHook in beforeError', () => {
  it('attaches the problem to the HTTPError ky throws, against both example APIs', async () => {
    for (const { url } of servers) {
      const api = ky.create({
        prefixUrl: `${url}/v2`,
        headers: admin,
        retry: 0,
        hooks: { beforeError: [problemHook] },
      });
      const error = (await rejectionOf(api.get(`datasets/${unknownId}`).json())) as HTTPError;
      expect(error.name).toBe('HTTPError');
      expect(kyProblemOf(error)).toMatchObject({
        status: 404,
        code: 'RESOURCE_NOT_FOUND',
        detail: notFound,
      });
      expect(error.message).toMatch(/^Request failed with status code 404 Not Found: GET /);
      expect(error.message).toContain(`(RESOURCE_NOT_FOUND: ${notFound})`);
      expect(JSON.parse(await readText(error.response))).toMatchObject({ status: 404 });
    }
  });

  it('leaves an error whose body is not a problem as ky made it', async () => {
    scripted.answer(html);
    const api = ky.create({ retry: 0, hooks: { beforeError: [problemHook] } });
    const error = (await rejectionOf(api.get(`${scripted.url}/`))) as HTTPError;
    expect(kyProblemOf(error)).toBeUndefined();
    expect(error.message).toBe(
      `Request failed with status code 502 Bad Gateway: GET ${scripted.url}/`,
    );
    expect(await error.response.text()).toBe('<h1>Bad Gateway</h1>');
  });

  it('finds no problem on anything else', () => {
    expect(kyProblemOf(new Error('x'))).toBeUndefined();
    expect(kyProblemOf(null)).toBeUndefined();
  });
});

describe('axios: problemInterceptor', () => {
  function client(baseURL: string) {
    const api = axios.create({ baseURL, headers: admin });
    api.interceptors.response.use(undefined, problemInterceptor);
    return api;
  }

  it('rejects with a ProblemResponseError holding the AxiosResponse, against both example APIs', async () => {
    for (const { url } of servers) {
      const error = await rejectionOf(client(url).get(`/v2/datasets/${unknownId}`));
      expect(isProblemResponseError<string, AxiosResponse>(error)).toBe(true);
      const thrown = error as AxiosProblemError;
      expect(thrown.problem).toMatchObject({
        status: 404,
        code: 'RESOURCE_NOT_FOUND',
        detail: notFound,
      });
      expect(thrown.response.status).toBe(404);
      expect(thrown.response.config.url).toBe(`/v2/datasets/${unknownId}`);
      expect(axios.isAxiosError(thrown.cause)).toBe(true);
    }
  });

  it('reads the body as text or bytes, whatever responseType asked for', async () => {
    for (const responseType of ['text', 'arraybuffer'] as const) {
      const { url } = servers[0]!;
      const error = (await rejectionOf(
        client(url).post('/v2/datasets', { name: '' }, { responseType }),
      )) as AxiosProblemError;
      expect(error.problem).toMatchObject({
        status: 422,
        code: 'MISSING_REQUIRED_FIELD',
        errors: [{ pointer: '/name', detail: expect.any(String) }],
      });
    }
  });

  it('reads Retry-After from axios headers', async () => {
    scripted.answer(problemAnswer(429, { 'retry-after': '17' }, { title: 'Too Many Requests' }));
    const error = (await rejectionOf(client(scripted.url).get('/'))) as AxiosProblemError;
    expect(error.problem).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      retryAfter: 17,
    });
  });

  it('builds the problem from the status when the body is not one', async () => {
    scripted.answer(html);
    const error = (await rejectionOf(client(scripted.url).get('/'))) as AxiosProblemError;
    expect(error.problem).toMatchObject({ status: 502, type: 'about:blank', title: 'Bad Gateway' });
    expect(error.response.data).toBe('<h1>Bad Gateway</h1>');
  });

  it('passes a failure without a response unchanged', async () => {
    const { url } = servers[0]!;
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(client(url).get('/v2/datasets', { signal: controller.signal }));
    expect(isProblemResponseError(error)).toBe(false);
    expect(axios.isCancel(error)).toBe(true);
  });
});

describe('ofetch: problemOf', () => {
  it('reads the problem of a FetchError, against both example APIs', async () => {
    for (const { url } of servers) {
      const error = await rejectionOf(
        ofetch(`${url}/v2/datasets/${unknownId}`, { headers: admin, retry: 0 }),
      );
      expect(error).toBeInstanceOf(FetchError);
      expect(ofetchProblemOf(error)).toMatchObject({
        status: 404,
        code: 'RESOURCE_NOT_FOUND',
        detail: notFound,
      });
    }
  });

  it('reads a body ofetch kept as text', async () => {
    scripted.answer(problemAnswer(409, {}, { title: 'Conflict', error_code: 'NAME_TAKEN' }));
    const error = await rejectionOf(ofetch(`${scripted.url}/`, { responseType: 'text', retry: 0 }));
    expect(ofetchProblemOf(error)).toMatchObject({ status: 409, code: 'NAME_TAKEN' });
  });

  it('finds no problem in a body that is not one, nor without a response', async () => {
    scripted.answer(html);
    expect(
      ofetchProblemOf(await rejectionOf(ofetch(`${scripted.url}/`, { retry: 0 }))),
    ).toBeUndefined();
    expect(ofetchProblemOf(new Error('x'))).toBeUndefined();
    expect(ofetchProblemOf(undefined)).toBeUndefined();
  });
});
