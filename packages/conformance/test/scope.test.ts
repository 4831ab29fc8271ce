import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProblemError } from '@faultline/core';
import { type ProblemHandlerOptions, problemHandlers, problemResponse } from '@faultline/express';
import { type FaultlineOptions, faultline } from '@faultline/fastify';
import express5 from 'express';
import express4 from 'express4';
import fastify5, { type FastifyInstance } from 'fastify';
import fastify4 from 'fastify4';
import { send, type WireAnswer } from './support/http-client';

/*
 * The `scope` option on Express 4 and 5 and Fastify 4 and 5, over real HTTP: paths inside it get
 * problems; paths outside keep the framework's own answers (Express's HTML pages, Fastify's
 * default JSON), which differ by framework by design, so they are checked per framework here
 * rather than compared in the matrix.
 */
type Options = Record<string, unknown>;
interface App {
  readonly port: number;
  close(): Promise<void>;
}

const quiet = { error() {} };

async function startExpress(express: typeof express5, options: Options): Promise<App> {
  const app = express();
  app.use(problemResponse());
  app.get('/api/items/:id', () => {
    throw new ProblemError('RESOURCE_NOT_FOUND');
  });
  app.get('/api/explicit', (_req, res) => {
    res.problem('ACCESS_DENIED');
  });
  app.get('/page', () => {
    throw new Error('page broke');
  });
  app.get('/page/explicit', (_req, res) => {
    res.problem('ACCESS_DENIED');
  });
  app.use(problemHandlers({ ...options, logger: quiet } as ProblemHandlerOptions));
  const server = http.createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

async function startFastify(
  factory: (options: Options) => FastifyInstance,
  options: Options,
): Promise<App> {
  const app = factory({});
  await app.register(faultline, options as FaultlineOptions);
  app.get('/api/items/:id', async () => {
    throw new ProblemError('RESOURCE_NOT_FOUND');
  });
  app.get('/api/explicit', async (_request, reply) => reply.problem('ACCESS_DENIED'));
  app.get('/api/legacy', { config: { faultline: false } }, async () => {
    throw Object.assign(new Error('legacy failed'), { statusCode: 409 });
  });
  app.get('/page', async () => {
    throw new Error('page broke');
  });
  app.get('/page/explicit', async (_request, reply) => reply.problem('ACCESS_DENIED'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

async function get(
  start: (options: Options) => Promise<App>,
  options: Options,
  path: string,
): Promise<WireAnswer & { contentType: string | undefined }> {
  const app = await start(options);
  try {
    const answer = await send(app.port, { method: 'GET', path });
    const contentType = answer.rawHeaders.find(([name]) => name.toLowerCase() === 'content-type');
    return { ...answer, contentType: contentType?.[1] };
  } finally {
    await app.close();
  }
}

const PROBLEM = 'application/problem+json';
const scopes: readonly (readonly [string, Options])[] = [
  ['a prefix', { scope: '/api' }],
  ['a prefix with a trailing slash', { scope: '/api/' }],
  ['a list of prefixes', { scope: ['/v2', '/api'] }],
  [
    'a function of the request',
    { scope: (request: { url: string }) => /^\/api(\/|$)/.test(request.url) },
  ],
];

type FastifyFactory = Parameters<typeof startFastify>[0];
const expressMajors = [
  ['Express 4', express4 as unknown as typeof express5],
  ['Express 5', express5],
] as const;
const fastifyMajors = [
  ['Fastify 4', fastify4 as unknown as FastifyFactory],
  ['Fastify 5', fastify5 as unknown as FastifyFactory],
] as const;

describe.each(scopes)('scope as %s', (_what, options) => {
  describe.each(expressMajors)('%s', (_name, express) => {
    const start = (given: Options) => startExpress(express, given);

    it('answers problems inside the scope: thrown, unmatched and explicit', async () => {
      for (const [path, status] of [
        ['/api/items/7', 404],
        ['/api/nowhere', 404],
        ['/api/explicit', 403],
      ] as const) {
        const answer = await get(start, options, path);
        expect([path, answer.status, answer.contentType]).toEqual([path, status, PROBLEM]);
      }
    });

    it("leaves the rest to Express's own pages", async () => {
      const notFound = await get(start, options, '/apis');
      expect(notFound.status).toBe(404);
      expect(notFound.contentType).toMatch(/^text\/html/);
      expect(notFound.body).toContain('Cannot GET /apis');
      const crash = await get(start, options, '/page');
      expect(crash.status).toBe(500);
      expect(crash.contentType).toMatch(/^text\/html/);
      const explicit = await get(start, options, '/page/explicit');
      expect(explicit.status).toBe(403);
      expect(explicit.contentType).toMatch(/^text\/html/);
    });
  });

  describe.each(fastifyMajors)('%s', (_name, factory) => {
    const start = (given: Options) => startFastify(factory, given);

    it('answers problems inside the scope: thrown, unmatched and explicit', async () => {
      for (const [path, status] of [
        ['/api/items/7', 404],
        ['/api/nowhere', 404],
        ['/api/explicit', 403],
      ] as const) {
        const answer = await get(start, options, path);
        expect([path, answer.status, answer.contentType]).toEqual([path, status, PROBLEM]);
      }
    });

    it("leaves the rest to Fastify's default handlers", async () => {
      const notFound = await get(start, options, '/apis');
      expect([notFound.status, JSON.parse(notFound.body)]).toEqual([
        404,
        { message: 'Route GET:/apis not found', error: 'Not Found', statusCode: 404 },
      ]);
      const crash = await get(start, options, '/page');
      expect(crash.status).toBe(500);
      expect(crash.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(crash.body)).toMatchObject({
        statusCode: 500,
        error: 'Internal Server Error',
      });
      const explicit = await get(start, options, '/page/explicit');
      expect(explicit.status).toBe(403);
      expect(JSON.parse(explicit.body)).toMatchObject({ statusCode: 403 });
    });

    it('lets a route opt out with config: { faultline: false }', async () => {
      const answer = await get(start, options, '/api/legacy');
      expect(answer.status).toBe(409);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 409, message: 'legacy failed' });
    });
  });
});
