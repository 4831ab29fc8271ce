import { connect } from 'node:net';

/** One HTTP request, exactly as sent. */
export interface WireRequest {
  readonly method: string;
  /** Path and query, sent as they are (`%FF` stays `%FF`). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as bytes, with no Content-Type unless `headers` has one. */
  readonly body?: Buffer;
}

/** One HTTP response: header names in lower case, the body as text. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Sends a request to one app and returns what came back. */
export type Transport = (request: WireRequest) => Promise<WireResponse>;

/** Writes bytes that are not valid HTTP straight to a socket and reads the answer. */
export type RawTransport = (bytes: string) => Promise<WireResponse>;

/** Header values as one string each, names in lower case. */
export function flattenHeaders(
  headers: Readonly<Record<string, string | number | readonly string[] | undefined>>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

/**
 * A transport over Node's global `fetch`, for a listening server.
 *
 * @example const send = fetchTransport('http://127.0.0.1:3000');
 */
export function fetchTransport(baseUrl: string): Transport {
  return async (request) => {
    const response = await fetch(new URL(request.path, baseUrl), {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: new Uint8Array(request.body) }),
      redirect: 'manual',
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, text: await response.text() };
  };
}

/** Parses one HTTP/1.1 response (status line, headers, the rest as body). */
export function parseRawResponse(raw: string): WireResponse {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status, headers, text: end === -1 ? '' : raw.slice(end + 4) };
}

/**
 * A transport that writes raw bytes to `host:port` and reads until the server closes the
 * connection (as it must after refusing a request it could not parse). Bounded: a server that
 * neither answers nor closes within `timeoutMs` fails the request.
 *
 * @example await rawTransport('127.0.0.1', 3000)('FOO / HTTP/1.1\r\nHost: x\r\n\r\n');
 */
export function rawTransport(host: string, port: number, timeoutMs = 5000): RawTransport {
  return (bytes) =>
    new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const chunks: Buffer[] = [];
      socket.setTimeout(timeoutMs, () => {
        socket.destroy();
        reject(new Error(`no answer and no close within ${timeoutMs} ms`));
      });
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(parseRawResponse(Buffer.concat(chunks).toString('utf8'))));
      socket.on('connect', () => socket.write(bytes));
    });
}
