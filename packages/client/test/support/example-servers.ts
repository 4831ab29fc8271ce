import { startServer as startExpressServer } from '@faultline-examples/express-datasets';
import { startServer as startFastifyServer } from '@faultline-examples/fastify-datasets';

/** One of the two example APIs, listening on a real socket. */
export interface ExampleServer {
  readonly name: 'express' | 'fastify';
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  close(): Promise<void>;
}

/** Where the example APIs' problem types are documented in these tests. */
export const TYPE_BASE = 'https://datasets.test/problems';

/**
 * Starts the Datasets example API on Express and on Fastify, each on a free port of 127.0.0.1,
 * with an in-memory database; `rateLimitMax` requests per key and minute (default 100).
 */
export async function startExampleServers(rateLimitMax = 100): Promise<ExampleServer[]> {
  const options = {
    host: '127.0.0.1',
    port: 0,
    rateLimitMax,
    rateLimitWindowS: 60,
    problemTypeBase: TYPE_BASE,
    logLevel: 'silent',
  } as const;
  const [express, fastify] = await Promise.all([
    startExpressServer(options),
    startFastifyServer(options),
  ]);
  return [
    { name: 'express', url: express.url, close: express.close },
    { name: 'fastify', url: fastify.url, close: fastify.close },
  ];
}

/** Stops every server given. */
export async function closeAll(servers: readonly ExampleServer[]): Promise<void> {
  await Promise.all(servers.map((server) => server.close()));
}
