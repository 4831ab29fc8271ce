import { faultline, problemClientErrorHandler, problemFrameworkErrors } from '@faultline/fastify';
import {
  assertProblemResponse,
  exchange,
  HEADER_INJECTION,
  httpRequest,
  LATIN1_HEADER_VALUE,
  onlyResponse,
  UNSENDABLE_HEADER_VALUES,
  type WireResponse,
  watchProcessFailures,
} from '@faultline/test-support';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import createError from 'http-errors';
import { expected, problems, versions } from '../helpers';
import { closeCleanly, type Listening, startHostileApp } from './support/hostile-app';

// Generous for a loaded 2-core runner; nothing here asserts how long anything takes.
jest.setTimeout(120_000);

const failures = watchProcessFailures();

const unexpected = (instance: string) =>
  expected(500, 'internal-server-error', 'Internal Server Error', {
    detail: 'An unexpected error occurred.',
    instance,
  });

function query(request: FastifyRequest, name: string): string {
  return String((request.query as Record<string, unknown>)[name]);
}

function routes(app: FastifyInstance): void {
  // An async onSend hook, as compression or CORS plugins add: a header Node refuses would throw
  // inside it, where nothing answers the request any more.
  app.addHook('onSend', async (_request, _reply, payload) => payload);
  app.get('/problem-header', async (request) => {
    throw new problems.ProblemError('RATE_LIMIT_EXCEEDED', {
      headers: { 'X-Reason': query(request, 'value') },
    });
  });
  app.get('/problem-allow', async (request) => {
    throw new problems.ProblemError('METHOD_NOT_ALLOWED', { allow: [query(request, 'value')] });
  });
  app.get('/problem-retry', async (request) => {
    throw new problems.ProblemError('SERVICE_UNAVAILABLE', {
      retryAfter: Number(query(request, 'value')),
    });
  });
  app.get('/foreign-header', async (request) => {
    throw createError(403, 'Not yours.', { headers: { 'X-Echo': query(request, 'value') } });
  });
  app.get('/foreign-headers', async () => {
    throw createError(429, 'Slow down.', {
      headers: {
        'Retry-After': `1${HEADER_INJECTION}`,
        'X-Fine': 'kept',
        'X-Bad\r\nName': 'dropped',
        'X-Control': 'a\u0001b',
        'X-Wide': 'a\u0100b',
        'X-Nul': 'a\0b',
        'X-Separator': 'a\u2028b',
        'Content-Length': '0',
        'Transfer-Encoding': 'chunked',
        Connection: 'keep-alive',
      },
    });
  });
  app.get('/private', async () => {
    throw new problems.ProblemError('AUTHENTICATION_REQUIRED');
  });
}

describe.each(versions)('%s: CR, LF and other bytes aimed at headers', (_name, version) => {
  let server: Listening & { readonly warnings: string[] };

  beforeAll(async () => {
    server = await startHostileApp(version, routes);
  });
  afterAll(async () => {
    await closeCleanly(server);
    expect(server.warnings).toEqual([]);
  });

  async function get(path: string): Promise<WireResponse> {
    return onlyResponse(await exchange(server.port, [httpRequest('GET', path)]));
  }

  /** Nothing injected reached the head: no extra header line, no cookie. */
  function expectNoInjection(response: WireResponse): void {
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.rawHead).not.toMatch(/stolen|Set-Cookie/i);
  }

  it.each([
    ['a header', '/problem-header'],
    ['an Allow method', '/problem-allow'],
  ])(
    'a ProblemError with CR LF in %s from user input: the constructor refuses it, 500',
    async (_what, path) => {
      const response = await get(`${path}?value=${encodeURIComponent(`x${HEADER_INJECTION}`)}`);
      expect(assertProblemResponse(response)).toEqual(unexpected(path));
      expectNoInjection(response);
    },
  );

  it('a ProblemError with a retryAfter that is not seconds: 500', async () => {
    const response = await get('/problem-retry?value=soon');
    expect(assertProblemResponse(response)).toEqual(unexpected('/problem-retry'));
    expect(response.headers['retry-after']).toBeUndefined();
  });

  it('a ProblemError with a clean header from user input keeps it', async () => {
    const response = await get('/problem-header?value=quota');
    expect(assertProblemResponse(response)).toMatchObject({ status: 429 });
    expect(response.headers['x-reason']).toBe('quota');
    expect(response.headers['retry-after']).toBe('60');
  });

  it.each(UNSENDABLE_HEADER_VALUES)(
    'an http-error header with %s from user input is dropped; the status stays',
    async (_what, value) => {
      const response = await get(`/foreign-header?value=${encodeURIComponent(value)}`);
      expect(assertProblemResponse(response)).toEqual(
        expected(403, 'access-forbidden', 'Forbidden', {
          detail: 'Not yours.',
          instance: '/foreign-header',
          error_code: 'ACCESS_DENIED',
        }),
      );
      expect(response.headers['x-echo']).toBeUndefined();
      expectNoInjection(response);
    },
  );

  it('http-error headers: the safe ones kept, the unsafe and the framing ones dropped', async () => {
    const response = await get('/foreign-headers');
    expect(assertProblemResponse(response)).toMatchObject({ status: 429 });
    expect(response.headers).toMatchObject({
      'x-fine': 'kept',
      'retry-after': '60',
      connection: 'close',
      'content-length': String(Buffer.byteLength(response.body)),
    });
    for (const name of ['x-control', 'x-wide', 'x-nul', 'x-separator', 'transfer-encoding']) {
      expect(response.headers[name]).toBeUndefined();
    }
    expect(response.rawHead).not.toMatch(/X-Bad|dropped/i);
    expectNoInjection(response);
  });

  it('CR LF in the path reaches the body as an escaped URI, never the head', async () => {
    const path = '/nowhere%0D%0ASet-Cookie:%20stolen=1';
    const response = await get(path);
    expect(assertProblemResponse(response)).toEqual(
      expected(404, 'resource-not-found', 'Not Found', {
        detail: 'No resource exists at this URL.',
        instance: path,
        error_code: 'RESOURCE_NOT_FOUND',
      }),
    );
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('a 401 carries the configured challenge', async () => {
    const response = await get('/private');
    expect(assertProblemResponse(response)).toMatchObject({ status: 401 });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe.each(versions)('%s: a challenge realm that could split a header', (_name, version) => {
  it.each([...UNSENDABLE_HEADER_VALUES, LATIN1_HEADER_VALUE])(
    'with %s is refused at registration, by every entry point',
    async (_what, realm) => {
      const options = { challenge: { realm } };
      const refusal = /^@faultline\/fastify: option challenge.*realm /;
      const app = version.Fastify({ logger: false });
      const registration = app.register(faultline, options);
      await expect(registration).rejects.toBeInstanceOf(TypeError);
      await expect(registration).rejects.toThrow(refusal);
      await app.close();
      expect(() => problemFrameworkErrors(options)).toThrow(refusal);
      expect(() => problemClientErrorHandler(options)).toThrow(refusal);
    },
  );

  it('a realm with quotes and backslashes is escaped, not refused', async () => {
    const app = version.Fastify({ logger: false });
    await app.register(faultline, { challenge: { realm: 'a "b" \\c' } });
    app.get('/', async () => {
      throw new problems.ProblemError('AUTHENTICATION_REQUIRED');
    });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="a \\"b\\" \\\\c"');
    await app.close();
  });
});

it('nothing crashed and no rejection went unhandled', () => {
  expect(failures).toEqual([]);
});
