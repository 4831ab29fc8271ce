import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page server: what it serves itself, and where everything else goes. */
export interface PageServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 that serves `files` (path → [media type, text]) and forwards
 * every other request, as it came, to the API at `apiUrl`, so that a page it serves calls that
 * API from its own origin: every header of the answer reaches the page (`Retry-After`, `Date`).
 */
export async function startPageServer(
  files: Readonly<Record<string, readonly [string, string]>>,
  apiUrl: string,
): Promise<PageServer> {
  const api = new URL(apiUrl);
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
      return;
    }
    const upstream = forward(
      {
        host: api.hostname,
        port: api.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: api.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
