import { rateLimitErrorResponseBuilder } from '@faultline/fastify';
import type { FastifyInstance } from 'fastify';
import { build, expected, PROBLEM_TYPE, versions } from './helpers';

describe.each(versions)('%s: @fastify/rate-limit', (_name, version) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function limited(options: Record<string, unknown>) {
    app = await build(version, async (app) => {
      await app.register(version.rateLimit, { max: 1, timeWindow: 60_000, ...options });
      app.get('/x', async () => ({ ok: true }));
    });
    expect((await app.inject({ url: '/x' })).statusCode).toBe(200);
    return app.inject({ url: '/x' });
  }

  it('answers with 429 RATE_LIMIT_EXCEEDED, keeping every header the library set', async () => {
    const response = await limited({ errorResponseBuilder: rateLimitErrorResponseBuilder });
    expect(response.statusCode).toBe(429);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.headers['retry-after']).toBe('60');
    expect(response.headers['x-ratelimit-limit']).toBe('1');
    expect(response.headers['x-ratelimit-remaining']).toBe('0');
    expect(response.headers['x-ratelimit-reset']).toBe('60');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual(
      expected(429, 'rate-limit-exceeded', 'Too Many Requests', {
        detail: 'You have exceeded the allowed number of requests. Please try again later.',
        error_code: 'RATE_LIMIT_EXCEEDED',
      }),
    );
  });

  it('keeps the draft-spec RateLimit headers', async () => {
    const response = await limited({
      errorResponseBuilder: rateLimitErrorResponseBuilder,
      enableDraftSpec: true,
    });
    expect(response.statusCode).toBe(429);
    expect(response.headers['ratelimit-limit']).toBe('1');
    expect(response.headers['ratelimit-remaining']).toBe('0');
    expect(response.headers['ratelimit-reset']).toBe('60');
    expect(response.headers['retry-after']).toBe('60');
  });

  it("sends Retry-After from the window when the library's header is off", async () => {
    const response = await limited({
      errorResponseBuilder: rateLimitErrorResponseBuilder,
      timeWindow: 30_000,
      addHeaders: { 'retry-after': false },
    });
    expect(response.headers['retry-after']).toBe('30');
  });

  it("answers the library's own rejection with 429 too, without its message", async () => {
    const response = await limited({});
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('60');
    expect(response.json()).toEqual(
      expected(429, 'rate-limit-exceeded', 'Too Many Requests', {
        error_code: 'RATE_LIMIT_EXCEEDED',
      }),
    );
  });

  it('answers a ban with 403 ACCESS_DENIED', async () => {
    const response = await limited({
      errorResponseBuilder: rateLimitErrorResponseBuilder,
      ban: 0,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(
      expected(403, 'access-forbidden', 'Forbidden', {
        detail: 'This client made too many requests and is blocked for now.',
        error_code: 'ACCESS_DENIED',
      }),
    );
  });
});
