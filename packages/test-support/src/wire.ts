import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

/** One HTTP/1.1 response read off the wire. */
export interface WireResponse {
  readonly status: number;
  readonly statusLine: string;
  /** The head as sent (status line and header lines), read as Latin-1. */
  readonly rawHead: string;
  /** Lower-cased names; repeated fields joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent. */
  readonly bytes: Buffer;
  /** The body read as UTF-8. */
  readonly body: string;
}

/**
 * How a connection ended: the server closed it (`closed`), it was reset (`reset`), the client
 * closed it as asked (`client-closed`: `abortAfterWrite`, `abortWhen` or `untilResponse`), or
 * the client gave up waiting (`gave-up`).
 */
export type Ending = 'closed' | 'reset' | 'client-closed' | 'gave-up';

/** Everything a connection received, split into responses. */
export interface Exchange {
  readonly received: Buffer;
  /** The complete responses, each framed by its Content-Length. */
  readonly responses: readonly WireResponse[];
  /** Bytes after the last complete response (a response cut short, chunked, or garbage). */
  readonly rest: Buffer;
  readonly ending: Ending;
  /** The socket error, when the connection was reset. */
  readonly error?: Error;
}

export interface ExchangeOptions {
  /** Half-close the client's side once everything is written (`socket.end()`). */
  readonly halfClose?: boolean;
  /** Destroy the connection once everything is written, without waiting for an answer. */
  readonly abortAfterWrite?: boolean;
  /** Destroy the connection once this settles (say, once the server saw the request). */
  readonly abortWhen?: Promise<unknown>;
  /** Stop as soon as one complete response has arrived, and close the connection. */
  readonly untilResponse?: boolean;
  /**
   * A bound, not an expectation: a connection still open after this many milliseconds is cut
   * and reported as `gave-up`. Default 50 s: long enough for a slow, shared machine, and under
   * the test timeout.
   */
  readonly giveUpAfterMs?: number;
}

function parseHead(rawHead: string): Pick<WireResponse, 'status' | 'statusLine' | 'headers'> {
  const [statusLine = '', ...fields] = rawHead.split('\r\n');
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    const name = field.slice(0, colon).trim().toLowerCase();
    const value = field.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: Number(statusLine.split(' ')[1]), statusLine, headers };
}

/**
 * Splits what a server sent into complete responses and whatever bytes follow the last complete
 * one. A response is framed by its Content-Length (none and no Transfer-Encoding: no body); a
 * chunked response, or one not yet complete, is left in `rest`.
 */
export function readResponses(data: Buffer): { responses: WireResponse[]; rest: Buffer } {
  const responses: WireResponse[] = [];
  let offset = 0;
  while (offset < data.length) {
    const headEnd = data.indexOf('\r\n\r\n', offset, 'latin1');
    if (headEnd === -1) break;
    const rawHead = data.toString('latin1', offset, headEnd);
    const head = parseHead(rawHead);
    if (head.headers['transfer-encoding'] !== undefined) break;
    const length = Number(head.headers['content-length'] ?? 0);
    const bodyStart = headEnd + 4;
    if (!Number.isSafeInteger(length) || length < 0 || bodyStart + length > data.length) break;
    const bytes = data.subarray(bodyStart, bodyStart + length);
    responses.push({ ...head, rawHead, bytes, body: bytes.toString('utf8') });
    offset = bodyStart + length;
  }
  return { responses, rest: data.subarray(offset) };
}

/**
 * Writes bytes on a fresh connection, each part in its own write and in order (strings as
 * Latin-1, so any byte can be sent), and collects every byte the server sends until the
 * connection ends.
 */
export function exchange(
  port: number,
  parts: string | Buffer | readonly (string | Buffer)[],
  options: ExchangeOptions = {},
): Promise<Exchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ending: Ending | undefined;
    let error: Error | undefined;
    const socket = net.connect(port, '127.0.0.1');
    const stop = (why: Ending) => {
      ending ??= why;
      socket.destroy();
    };
    const timer = setTimeout(() => stop('gave-up'), options.giveUpAfterMs ?? 50_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (options.untilResponse && readResponses(Buffer.concat(chunks)).responses.length > 0) {
        stop('client-closed');
      }
    });
    socket.on('end', () => stop('closed'));
    socket.on('error', (cause) => {
      if (ending === undefined) error = cause;
      stop('reset');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const received = Buffer.concat(chunks);
      resolve({
        received,
        ...readResponses(received),
        ending: ending ?? 'closed',
        ...(error === undefined ? {} : { error }),
      });
    });
    const list: readonly (string | Buffer)[] =
      typeof parts === 'string' || Buffer.isBuffer(parts) ? [parts] : parts;
    list.forEach((part, index) => {
      const last = index === list.length - 1;
      socket.write(
        typeof part === 'string' ? Buffer.from(part, 'latin1') : part,
        // The reset goes out only once the bytes have left.
        last && options.abortAfterWrite ? () => stop('client-closed') : undefined,
      );
    });
    if (options.halfClose) socket.end();
    options.abortWhen?.then(
      () => stop('client-closed'),
      () => stop('client-closed'),
    );
  });
}

/**
 * Exactly one complete response, nothing after it, and the connection closed by the server;
 * throws, showing what came, otherwise.
 */
export function onlyResponse(result: Exchange): WireResponse {
  const { responses, rest, ending, received } = result;
  if (responses.length !== 1 || rest.length !== 0 || ending !== 'closed') {
    throw new Error(
      `expected exactly one response, then the server closing the connection; got ${responses.length} response(s), ${rest.length} more bytes, ending '${ending}':\n${received.toString('latin1').slice(0, 800)}`,
    );
  }
  return responses[0]!;
}

/**
 * A request as raw bytes: the head with `Host` and `Connection: close`, then the headers as
 * given (any name, any value: it may lie), then the body. A Content-Length is added for a body
 * only when the headers name neither Content-Length nor Transfer-Encoding.
 */
export function httpRequest(
  method: string,
  path: string,
  headers: Readonly<Record<string, string | number>> = {},
  body?: string | Buffer,
): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  const framed = Object.keys(headers).some((name) =>
    ['content-length', 'transfer-encoding'].includes(name.toLowerCase()),
  );
  if (body !== undefined && !framed) head += `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  const bytes = Buffer.from(`${head}\r\n`, 'latin1');
  return body === undefined ? bytes : Buffer.concat([bytes, Buffer.from(body)]);
}

/** Starts a plain HTTP server with this handler on a free port of the loopback interface. */
export async function listen(
  handler: http.RequestListener,
  options: http.ServerOptions = {},
): Promise<http.Server> {
  const server = http.createServer(options, handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

export function portOf(server: net.Server): number {
  return (server.address() as AddressInfo).port;
}

/** The server's open connections, once the ones closing have had a moment to go. */
export async function openConnections(server: net.Server, settleMs = 2000): Promise<number> {
  const deadline = Date.now() + settleMs;
  while (true) {
    const count = await new Promise<number>((resolve, reject) =>
      server.getConnections((error, n) => (error ? reject(error) : resolve(n))),
    );
    if (count === 0 || Date.now() >= deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Closes a server and every connection still open on it. */
export async function shutdown(server: http.Server): Promise<void> {
  server.closeAllConnections();
  if (server.listening) {
    server.close();
    await once(server, 'close');
  }
}
