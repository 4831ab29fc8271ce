import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of a scripted server. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: string;
  /** Leaves out the `Date` header Node sends by default. */
  readonly withoutDate?: boolean;
}

/** What a scripted server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

export interface ScriptedServer {
  readonly url: string;
  readonly received: ReceivedRequest[];
  /** Queues answers, given in order to the next requests; an empty queue answers 599. */
  answer(...answers: ScriptedAnswer[]): void;
  /** Forgets the queued answers and the received requests. */
  reset(): void;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 that gives queued answers and records every request. */
export async function startScriptedServer(): Promise<ScriptedServer> {
  const queue: ScriptedAnswer[] = [];
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const { status, headers = {}, body = '', withoutDate } = queue.shift() ?? { status: 599 };
      res.sendDate = withoutDate !== true;
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (...answers) => {
      queue.push(...answers);
    },
    reset: () => {
      queue.length = 0;
      received.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A problem answer: `application/problem+json`, with `status` in the body too. */
export function problemAnswer(
  status: number,
  headers: OutgoingHttpHeaders = {},
  members: Record<string, unknown> = {},
): ScriptedAnswer {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify({ status, ...members }),
  };
}
