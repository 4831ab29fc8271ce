import type { AddressInfo } from 'node:net';
import { defineProblems, ProblemError } from '@faultline/core';
import { problemHandlers, problemJson } from '@faultline/express';
import { faultline } from '@faultline/fastify';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';

/** The application's problems: the default catalogue and one code of its own. */
export const problems = defineProblems({
  typeBase: 'https://api.example.com/docs/errors',
  codes: { DATASET_ARCHIVED: 409 },
});

/** A response written by hand rather than by faultline, to break one rule at a time. */
interface HandWritten {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const problemType = { 'content-type': 'application/problem+json' };
const notFound = { status: 404, title: 'Not Found', error_code: 'RESOURCE_NOT_FOUND' };

/** The paths both apps answer by hand, and what they send. */
export const handWritten = {
  '/hand/ok': {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"ok":true}',
  },
  '/hand/charset': {
    status: 404,
    headers: { 'content-type': 'Application/Problem+JSON; charset=utf-8' },
    body: JSON.stringify(notFound),
  },
  '/hand/json-media-type': {
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(notFound),
  },
  '/hand/status-mismatch': { status: 400, headers: problemType, body: JSON.stringify(notFound) },
  '/hand/server-code': {
    status: 503,
    headers: problemType,
    body: JSON.stringify({
      status: 503,
      title: 'Service Unavailable',
      error_code: 'SERVICE_UNAVAILABLE',
    }),
  },
  '/hand/no-retry-after': {
    status: 429,
    headers: problemType,
    body: JSON.stringify({ status: 429, title: 'Too Many Requests' }),
  },
  '/hand/retry-after-soon': {
    status: 429,
    headers: { ...problemType, 'retry-after': 'soon' },
    body: JSON.stringify({ status: 429, title: 'Too Many Requests' }),
  },
  '/hand/retry-after-date': {
    status: 429,
    headers: { ...problemType, 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' },
    body: JSON.stringify({ status: 429, title: 'Too Many Requests' }),
  },
  '/hand/no-allow': {
    status: 405,
    headers: problemType,
    body: JSON.stringify({ status: 405, title: 'Method Not Allowed' }),
  },
  '/hand/member-types': {
    status: 404,
    headers: problemType,
    body: JSON.stringify({ status: '404', detail: 7 }),
  },
  '/hand/not-json': { status: 500, headers: problemType, body: 'Internal error' },
  '/hand/array': { status: 400, headers: problemType, body: '[]' },
  '/hand/foreign-code': {
    status: 409,
    headers: problemType,
    body: JSON.stringify({ status: 409, title: 'Conflict', error_code: 'NOT_OURS' }),
  },
  '/hand/code-of-another-status': {
    status: 404,
    headers: problemType,
    body: JSON.stringify({ status: 404, title: 'Not Found', error_code: 'DATASET_ARCHIVED' }),
  },
} as const satisfies Record<string, HandWritten>;

export type HandWrittenPath = keyof typeof handWritten;

/** Both apps' routes, written with faultline. */
function notFoundDetail(id: string): string {
  return `Dataset with ID '${id}' was not found.`;
}

/** The Express app: faultline's handlers, its own routes, and the hand-written responses. */
export function expressApp(): express.Express {
  const app = express();
  app.use(problemJson());
  app.get('/datasets/:id', (req) => {
    throw new ProblemError('RESOURCE_NOT_FOUND', { detail: notFoundDetail(req.params.id) });
  });
  app.get('/archived', () => {
    throw new problems.ProblemError('DATASET_ARCHIVED');
  });
  app.get('/limited', () => {
    throw new ProblemError('RATE_LIMIT_EXCEEDED', { retryAfter: 30 });
  });
  app.get('/crash', () => {
    throw new Error('kaboom');
  });
  app.get('/only-get', (_req, res) => {
    res.json({ ok: true });
  });
  for (const [path, { status, headers, body }] of Object.entries(handWritten)) {
    app.get(path, (_req, res) => {
      res.writeHead(status, headers).end(body);
    });
  }
  // The tests read the responses; the 500's log line would only be noise.
  app.use(problemHandlers({ registry: problems.registry, logger: { error() {} } }));
  return app;
}

/** The same app on Fastify, ready to `inject` or `listen`. */
export async function fastifyApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(faultline, { registry: problems.registry });
  app.get<{ Params: { id: string } }>('/datasets/:id', async (request) => {
    throw new ProblemError('RESOURCE_NOT_FOUND', { detail: notFoundDetail(request.params.id) });
  });
  app.get('/archived', async () => {
    throw new problems.ProblemError('DATASET_ARCHIVED');
  });
  app.get('/limited', async () => {
    throw new ProblemError('RATE_LIMIT_EXCEEDED', { retryAfter: 30 });
  });
  app.get('/crash', async () => {
    throw new Error('kaboom');
  });
  app.get('/only-get', async () => ({ ok: true }));
  for (const [path, { status, headers, body }] of Object.entries(handWritten)) {
    app.get(path, async (_request, reply) => reply.code(status).headers(headers).send(body));
  }
  await app.ready();
  return app;
}

/** Starts the Express app on a free port: its base URL, and how to stop it. */
export async function listenExpress(): Promise<{ url: string; close(): Promise<void> }> {
  const server = expressApp().listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve).once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Starts the Fastify app on a free port: its base URL, and how to stop it. */
export async function listenFastify(): Promise<{ url: string; close(): Promise<void> }> {
  const app = await fastifyApp();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
