import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

/** One HTTP/1.1 response read off the wire. */
export interface WireResponse {
  readonly status: number;
  readonly statusLine: string;
  /** Lower-cased names; repeated fields joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly text: string;
}

/** Everything a connection received, split into responses. */
export interface WireExchange {
  readonly responses: readonly WireResponse[];
  /** Bytes after the last complete response (a response cut short, or garbage). */
  readonly rest: Buffer;
  /** How the connection ended: the server closed it, it was reset, or the client gave up. */
  readonly ending: 'closed' | 'reset' | 'gave-up';
}

function parseHead(head: string): Pick<WireResponse, 'status' | 'statusLine' | 'headers'> {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: Number(statusLine.split(' ')[1]), statusLine, headers };
}

/**
 * Splits raw bytes into responses framed by Content-Length (every response this package and
 * Express write has one; a chunked response is left in `rest`).
 */
export function splitResponses(raw: Buffer): { responses: WireResponse[]; rest: Buffer } {
  const responses: WireResponse[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const end = raw.indexOf('\r\n\r\n', offset, 'latin1');
    if (end === -1) break;
    const head = parseHead(raw.subarray(offset, end).toString('latin1'));
    const length = Number(head.headers['content-length']);
    if (!Number.isSafeInteger(length) || end + 4 + length > raw.length) break;
    const body = raw.subarray(end + 4, end + 4 + length);
    responses.push({ ...head, body, text: body.toString('utf8') });
    offset = end + 4 + length;
  }
  return { responses, rest: raw.subarray(offset) };
}

export function portOf(server: net.Server): number {
  return (server.address() as AddressInfo).port;
}

export interface ExchangeOptions {
  /** Give up (and destroy the socket) after this long; the test then asserts on what came. */
  readonly giveUpAfterMs?: number;
  /** Half-close the connection once everything is written. */
  readonly endAfterWrite?: boolean;
}

/**
 * Writes bytes on a fresh connection, in order (strings as latin1, so any byte can be sent),
 * and reads until the server closes the connection or the client gives up.
 */
export async function exchange(
  port: number,
  parts: string | Buffer | readonly (string | Buffer)[],
  options: ExchangeOptions = {},
): Promise<WireExchange> {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  let ending: WireExchange['ending'] = 'closed';
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {
    ending = 'reset';
  });
  const timer = setTimeout(() => {
    ending = 'gave-up';
    socket.destroy();
  }, options.giveUpAfterMs ?? 4000);
  for (const part of Array.isArray(parts) ? parts : [parts]) {
    socket.write(typeof part === 'string' ? Buffer.from(part, 'latin1') : part);
  }
  if (options.endAfterWrite === true) socket.end();
  await once(socket, 'close');
  clearTimeout(timer);
  return { ...splitResponses(Buffer.concat(chunks)), ending };
}

/** A request head (and body) as raw bytes; `Host` and `Connection: close` are always sent. */
export function rawRequest(
  method: string,
  path: string,
  headers: Readonly<Record<string, string | number>> = {},
  body: string | Buffer = '',
): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  return Buffer.concat([
    Buffer.from(`${head}\r\n`, 'latin1'),
    typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  ]);
}

/** Starts a listening server on a free port. */
export async function listen(
  handler: http.RequestListener,
  options: http.ServerOptions = {},
): Promise<http.Server> {
  const server = http.createServer(options, handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
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
