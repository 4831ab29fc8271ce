import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { problemClientErrors } from '@faultline/express';
import { type DatasetsAppOptions, urlOf } from '@faultline-examples/datasets-domain';
import { buildApp } from './app.js';

export interface ServerOptions extends DatasetsAppOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/** A listening server. */
export interface RunningServer {
  readonly server: Server;
  /** `http://HOST:PORT`, with the port really bound. */
  readonly url: string;
  /** Stops accepting connections, waits for the open ones, then closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the app and listens. Requests Node's parser rejects (`FOO / HTTP/1.1`, headers too
 * large) are answered as problems too.
 *
 * @example const { url, close } = await startServer({ host: '127.0.0.1', port: 0 });
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host, port, ...appOptions } = options;
  const { app, problemOptions, ready, close: closeApp } = buildApp(appOptions);
  await ready();
  const server = createServer(app);
  problemClientErrors(server, problemOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    url: urlOf(host, bound),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          closeApp().then(() => (error ? reject(error) : resolve()), reject);
        });
        server.closeIdleConnections();
      }),
  };
}
