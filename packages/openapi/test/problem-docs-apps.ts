import type http from 'node:http';
import { problemHandlers } from '@faultline/express';
import { faultline } from '@faultline/fastify';
import { exchange, httpRequest, listen, portOf, shutdown } from '@faultline/test-support';
import express5 from 'express';
import express4 from 'express4';
import fastify5, { type FastifyInstance } from 'fastify';
import fastify4 from 'fastify4';
import { problemDocs as expressDocs } from '../src/express-docs';
import { problemDocs as fastifyDocs, type ProblemDocsPluginOptions } from '../src/fastify-docs';
import type { ProblemDocsOptions } from '../src/problem-documentation';
import { problems } from './fixtures/problems';

export const { registry, ProblemError } = problems;
export const docsOptions: ProblemDocsOptions = { title: 'Datasets API errors' };

/** One app with faultline and the page, listening on 127.0.0.1. */
export interface RunningApp {
  readonly name: string;
  readonly port: number;
  readonly origin: string;
  close(): Promise<void>;
}

/** Express 4 is driven through Express 5's types; the runtime is the real major. */
type ExpressFactory = typeof express5;
/** Fastify 4 is driven through Fastify 5's types; the runtime is the real major. */
type FastifyFactory = (options?: Record<string, unknown>) => FastifyInstance;

function notFound(id: string): never {
  throw new ProblemError('RESOURCE_NOT_FOUND', {
    detail: `Dataset with ID '${id}' was not found.`,
  });
}

async function startExpress(name: string, express: ExpressFactory): Promise<RunningApp> {
  const app = express();
  app.use(expressDocs(registry, docsOptions));
  app.get('/datasets/:id', (req) => notFound(String(req.params.id)));
  app.use(problemHandlers({ registry }));
  const server = await listen(app as http.RequestListener);
  const port = portOf(server);
  return { name, port, origin: `http://127.0.0.1:${port}`, close: () => shutdown(server) };
}

async function startFastify(name: string, factory: FastifyFactory): Promise<RunningApp> {
  const app = factory();
  try {
    await app.register(faultline, { registry });
    await app.register(fastifyDocs, { registry, ...docsOptions } as ProblemDocsPluginOptions);
    app.get<{ Params: { id: string } }>('/datasets/:id', async (request) =>
      notFound(request.params.id),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    throw error;
  }
  const port = portOf(app.server);
  return { name, port, origin: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Express 4 and 5, Fastify 4 and 5, each with the faultline adapter and the page. */
export const apps: readonly { name: string; start(): Promise<RunningApp> }[] = [
  {
    name: 'Express 4',
    start: () => startExpress('Express 4', express4 as unknown as ExpressFactory),
  },
  { name: 'Express 5', start: () => startExpress('Express 5', express5) },
  {
    name: 'Fastify 4',
    start: () => startFastify('Fastify 4', fastify4 as unknown as FastifyFactory),
  },
  { name: 'Fastify 5', start: () => startFastify('Fastify 5', fastify5 as FastifyFactory) },
];

/** A response as the wire carried it; for `HEAD`, whatever follows the head is `bytes`. */
export interface Seen {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bytes: Buffer;
  readonly body: string;
}

/** One request on a fresh connection, read off the wire until the server closes it. */
export async function request(
  app: RunningApp,
  method: string,
  path: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<Seen> {
  const { received } = await exchange(app.port, httpRequest(method, path, headers));
  const end = received.indexOf('\r\n\r\n', 0, 'latin1');
  if (end === -1) throw new Error(`no response head: ${received.toString('latin1')}`);
  const [statusLine = '', ...fields] = received.toString('latin1', 0, end).split('\r\n');
  const seen: Record<string, string> = {};
  for (const line of fields) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    seen[name] = seen[name] === undefined ? value : `${seen[name]}, ${value}`;
  }
  const bytes = received.subarray(end + 4);
  return {
    status: Number(statusLine.split(' ')[1]),
    headers: seen,
    bytes,
    body: bytes.toString('utf8'),
  };
}
