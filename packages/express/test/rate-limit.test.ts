import { problemHandlers, rateLimitExceeded } from '@faultline/express';
import { rateLimit } from 'express-rate-limit';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const limited = {
  status: 429,
  title: 'Too Many Requests',
  type: 'about:blank',
  detail: 'You have exceeded the allowed number of requests. Please try again later.',
  error_code: 'RATE_LIMIT_EXCEEDED',
};

describe.each(frameworks)('express-rate-limit on $name', ({ express }) => {
  function limitedApp(options: Parameters<typeof rateLimit>[0]) {
    const app = express();
    app.use(rateLimit({ windowMs: 60_000, limit: 1, handler: rateLimitExceeded, ...options }));
    app.get('/datasets', (_req, res) => {
      res.json([]);
    });
    app.use(problemHandlers({ logger: silentLogger }));
    return app;
  }

  it('answers the rejected request with 429 RATE_LIMIT_EXCEEDED and keeps the limiter’s headers', async () => {
    const app = limitedApp({ standardHeaders: 'draft-6', legacyHeaders: false });
    expect((await request(app).get('/datasets')).status).toBe(200);
    const response = await request(app).get('/datasets');
    expectProblem(response, 429, limited);
    expect(response.headers['retry-after']).toBe('60');
    expect(response.headers['ratelimit-limit']).toBe('1');
    expect(response.headers['ratelimit-remaining']).toBe('0');
    expect(response.headers['ratelimit-reset']).toBe('60');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('keeps the legacy X-RateLimit-* headers too', async () => {
    const app = limitedApp({ legacyHeaders: true, standardHeaders: false });
    await request(app).get('/datasets');
    const response = await request(app).get('/datasets');
    expectProblem(response, 429, limited);
    expect(response.headers['x-ratelimit-limit']).toBe('1');
    expect(response.headers['x-ratelimit-remaining']).toBe('0');
    expect(response.headers['retry-after']).toBe('60');
  });

  it('derives Retry-After from the reset time when the limiter sets no headers', async () => {
    const app = limitedApp({ legacyHeaders: false, standardHeaders: false, windowMs: 90_000 });
    await request(app).get('/datasets');
    const response = await request(app).get('/datasets');
    expectProblem(response, 429, limited);
    // Whole seconds left in the 90 s window: not the 60 s default.
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(90);
  });
});
