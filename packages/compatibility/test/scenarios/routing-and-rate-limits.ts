import cors from '@fastify/cors';
import rateLimitPlugin from '@fastify/rate-limit';
import { rateLimitExceeded } from '@faultline/express';
import { rateLimitErrorResponseBuilder } from '@faultline/fastify';
import { rateLimit } from 'express-rate-limit';
import type { RequestSpec, Scenario } from '../support/scenario';

/** Two requests where the limit is one: the second is refused. */
const twice = (): readonly RequestSpec[] => [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/' },
];

export const routingAndRateLimitScenarios: Readonly<Record<string, Scenario>> = {
  '@fastify/cors / its preflight route `OPTIONS *`, which matches every path: `GET` of an unknown path':
    {
      package: '@fastify/cors',
      fastify5Only: true,
      fastify: async (app) => {
        await app.register(cors, { origin: true });
        app.get('/datasets', async () => []);
      },
      requests: () => [{ method: 'GET', path: '/nowhere' }],
      hidesMessage: false,
    },
  '@fastify/rate-limit / its rejection of a client over the limit': {
    package: '@fastify/rate-limit',
    fastify5Only: true,
    fastify: async (app) => {
      await app.register(rateLimitPlugin, {
        max: 1,
        timeWindow: '1 minute',
        errorResponseBuilder: rateLimitErrorResponseBuilder,
      });
      app.get('/', async () => ({ ok: true }));
    },
    requests: twice,
    hidesMessage: false,
  },
  'express-rate-limit / its rejection of a client over the limit': {
    package: 'express-rate-limit',
    express: (app) => {
      app.use(rateLimit({ windowMs: 60_000, limit: 1, handler: rateLimitExceeded }));
      app.get('/', (_req, res) => {
        res.json({ ok: true });
      });
    },
    requests: twice,
    hidesMessage: false,
  },
};
