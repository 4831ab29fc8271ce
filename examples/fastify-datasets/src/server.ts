import type { AddressInfo } from 'node:net';
import { type DatasetsAppOptions, urlOf } from '@faultline-examples/datasets-domain';
import { buildApp, type FastifyDatasetsApp } from './app.js';

export interface ServerOptions extends DatasetsAppOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/** A listening server. */
export interface RunningServer {
  readonly app: FastifyDatasetsApp;
  /** `http://HOST:PORT`, with the port really bound. */
  readonly url: string;
  /** Stops accepting connections, waits for the open ones, then closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the app and listens. Requests Node's parser rejects (`FOO / HTTP/1.1`, headers too
 * large) are answered as problems by the app's `clientErrorHandler`.
 *
 * @example const { url, close } = await startServer({ host: '127.0.0.1', port: 0 });
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host, port, ...appOptions } = options;
  const app = await buildApp(appOptions);
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const bound = (app.server.address() as AddressInfo).port;
  return { app, url: urlOf(host, bound), close: () => app.close() };
}
