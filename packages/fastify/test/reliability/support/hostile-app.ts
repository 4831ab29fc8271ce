import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  type FaultlineOptions,
  faultline,
  problemClientErrorHandler,
  problemFrameworkErrors,
} from '@faultline/fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { problems, type Version } from '../../helpers';
import { logSink } from './app-log';

/** A listening app and every server-side socket it accepted. */
export interface Listening {
  readonly app: FastifyInstance;
  readonly port: number;
  readonly sockets: Set<Socket>;
}

/** Starts `app` on an ephemeral port of the loopback interface, tracking its connections. */
export async function listenApp(app: FastifyInstance): Promise<Listening> {
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => sockets.add(socket));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port, sockets };
}

/**
 * Closes the app and checks nothing was left behind: the server stopped listening and every
 * connection it accepted is destroyed.
 */
export async function closeCleanly({ app, sockets }: Listening): Promise<void> {
  await app.close();
  expect(app.server.listening).toBe(false);
  expect([...sockets].filter((socket) => !socket.destroyed)).toHaveLength(0);
}

/** The options an application in production would give: every entry point installed. */
export const productionOptions: FaultlineOptions = { registry: problems.registry, instance: true };

/**
 * Node checks request and header timeouts on an interval (30 s by default): a short one lets a
 * client that stops sending be answered 408 while the test waits.
 */
function serverWithShortTimeouts(handler: RequestListener) {
  return createServer(
    { requestTimeout: 1000, headersTimeout: 1000, connectionsCheckingInterval: 50 },
    handler,
  );
}

/**
 * A listening app with the plugin, `problemFrameworkErrors` and `problemClientErrorHandler`
 * installed, logging through pino (whose warnings are kept), and short request timeouts.
 */
export async function startHostileApp(
  version: Version,
  routes: (app: FastifyInstance) => unknown,
  server: FastifyServerOptions = {},
): Promise<Listening & { readonly warnings: string[] }> {
  const log = logSink();
  const options: FastifyServerOptions = {
    logger: { level: 'info', stream: log.stream },
    frameworkErrors: problemFrameworkErrors(productionOptions),
    clientErrorHandler: problemClientErrorHandler(productionOptions),
    ...server,
  };
  // Fastify's types tie serverFactory to the server kind; this one is plain HTTP.
  (options as { serverFactory?: unknown }).serverFactory = serverWithShortTimeouts;
  const app = version.Fastify(options);
  await app.register(faultline, productionOptions);
  await routes(app);
  return { ...(await listenApp(app)), warnings: log.warnings };
}
