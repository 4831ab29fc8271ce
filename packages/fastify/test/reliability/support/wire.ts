import { type AddressInfo, connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { SeenResponse } from './problem-invariants';

/** A listening app and every server-side socket it accepted. */
export interface Listening {
  readonly app: FastifyInstance;
  readonly port: number;
  readonly sockets: Set<Socket>;
}

/** Starts `app` on an ephemeral port of the loopback interface, tracking its connections. */
export async function listen(app: FastifyInstance): Promise<Listening> {
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

/** How an exchange ended: the server closed (`end`), reset (`error`), or the client gave up. */
export type Ending = 'end' | 'error' | 'timeout' | 'client';

export interface Exchange {
  readonly received: Buffer;
  readonly ending: Ending;
  readonly error?: Error;
}

export interface ExchangeOptions {
  /** Half-close the client's side once everything is written (`socket.end()`). */
  readonly halfClose?: boolean;
  /** Destroy the connection once everything is written, without waiting for an answer. */
  readonly abortAfterWrite?: boolean;
  /** Stop as soon as one complete response has arrived, and close the connection. */
  readonly untilResponse?: boolean;
  /**
   * A bound, not an expectation: an exchange still open after this many milliseconds is cut
   * and reported as `timeout`, which the tests then fail on. Default 10 s.
   */
  readonly giveUpAfter?: number;
}

/**
 * Writes `chunks` to a fresh connection (each chunk in its own write) and collects every byte
 * the server sends until it closes the connection.
 */
export function exchange(
  port: number,
  chunks: readonly (string | Buffer)[],
  options: ExchangeOptions = {},
): Promise<Exchange> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let settled = false;
    const socket = connect(port, '127.0.0.1');
    const finish = (ending: Ending, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const received = Buffer.concat(parts);
      resolve(error === undefined ? { received, ending } : { received, ending, error });
    };
    const timer = setTimeout(() => finish('timeout'), options.giveUpAfter ?? 10_000);
    socket.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      if (options.untilResponse && readResponses(Buffer.concat(parts)).responses.length > 0) {
        finish('client');
      }
    });
    socket.on('end', () => finish('end'));
    socket.on('close', () => finish('end'));
    socket.on('error', (error) => finish('error', error));
    socket.on('connect', () => {
      chunks.forEach((chunk, index) => {
        const last = index === chunks.length - 1;
        // The reset goes out only once the bytes have left.
        socket.write(chunk, last && options.abortAfterWrite ? () => finish('client') : undefined);
      });
      if (options.halfClose) socket.end();
    });
  });
}

/** One HTTP/1.1 response read off the wire. */
export interface WireResponse extends SeenResponse {
  readonly statusLine: string;
  readonly rawHead: string;
}

/**
 * Splits what a server sent into complete responses (each framed by its Content-Length) and
 * whatever bytes follow the last complete one.
 */
export function readResponses(data: Buffer): { responses: WireResponse[]; rest: Buffer } {
  const responses: WireResponse[] = [];
  let offset = 0;
  while (offset < data.length) {
    const headEnd = data.indexOf('\r\n\r\n', offset, 'latin1');
    if (headEnd === -1) break;
    const rawHead = data.toString('latin1', offset, headEnd);
    const [statusLine = '', ...fields] = rawHead.split('\r\n');
    const headers: Record<string, string> = {};
    for (const field of fields) {
      const colon = field.indexOf(':');
      const name = field.slice(0, colon).trim().toLowerCase();
      const value = field.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = headEnd + 4;
    if (!Number.isSafeInteger(length) || bodyStart + length > data.length) break;
    responses.push({
      statusLine,
      rawHead,
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: data.toString('utf8', bodyStart, bodyStart + length),
    });
    offset = bodyStart + length;
  }
  return { responses, rest: data.subarray(offset) };
}

/** Exactly one complete response and nothing after it; throws otherwise. */
export function onlyResponse(result: Exchange): WireResponse {
  const { responses, rest } = readResponses(result.received);
  if (responses.length !== 1 || rest.length !== 0) {
    throw new Error(
      `expected exactly one response, got ${responses.length} and ${rest.length} more bytes (${result.ending}):\n${result.received.toString('latin1').slice(0, 800)}`,
    );
  }
  return responses[0]!;
}

/** A complete HTTP/1.1 request, `Connection: close`, with a Content-Length for a body. */
export function httpRequest(
  method: string,
  path: string,
  headers: Readonly<Record<string, string>> = {},
  body?: string | Buffer,
): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n`;
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  if (body !== undefined && !names.includes('content-length')) {
    head += `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  }
  const bytes = Buffer.from(`${head}\r\n`, 'latin1');
  return body === undefined ? bytes : Buffer.concat([bytes, Buffer.from(body)]);
}
