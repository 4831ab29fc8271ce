import type { Socket } from 'node:net';
import { type ProblemResponse, reasonPhrase } from '@faultline/core';
import type { FastifyBaseLogger } from 'fastify';
import { type FaultlineOptions, resolveOptions } from './options.js';
import { serializeProblem } from './serializer.js';

/** What Node's HTTP parser reports with `clientError`. */
export type ClientError = Error & { readonly code?: string };

/** Node's parser codes and what the client is told; any other code is a 400. */
const statuses: Readonly<Record<string, { status: number; detail: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: 'The request headers are larger than this server accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' },
  ERR_HTTP_HEADERS_TIMEOUT: {
    status: 408,
    detail: 'The request headers were not received in time.',
  },
};
const malformed = { status: 400, detail: 'The request is not valid HTTP/1.1.' };

/** The whole response, status line to body: written once per connection, so built once. */
function rawResponse({ status, headers, body }: ProblemResponse): string {
  const payload = serializeProblem(body);
  let head = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  head += `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n`;
  return head + payload;
}

/**
 * A handler for Fastify's `clientErrorHandler` server option: what Node's HTTP parser rejects
 * before Fastify runs (an unknown method, a malformed request line or header, headers too large,
 * a request too slow) is answered as a problem (400; 431 for headers too large; 408 for a
 * timeout) written straight to the socket, which is then closed.
 *
 * @example
 * const app = Fastify({ clientErrorHandler: problemClientErrorHandler() });
 */
export function problemClientErrorHandler(
  options?: FaultlineOptions,
): (error: ClientError, socket: Socket) => void {
  const { normalise, logLevel4xx } = resolveOptions(options);
  const responses = new Map<string, string>();
  const respond = (code: string | undefined): string => {
    const { status, detail } = (code !== undefined && statuses[code]) || malformed;
    const key = String(status);
    let response = responses.get(key);
    if (response === undefined) {
      // Shaped like http-errors so core derives codes for statuses it has none for (431, 408).
      response = rawResponse(normalise({ status, expose: true, message: detail }));
      responses.set(key, response);
    }
    return response;
  };

  return function problemClientError(this: unknown, error, socket) {
    // A reset connection is gone: there is no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const log = (this as { log?: FastifyBaseLogger } | undefined)?.log;
    if (log !== undefined && logLevel4xx !== 'silent') {
      try {
        log[logLevel4xx]({ err: error }, `client error: ${error.code ?? error.message}`);
      } catch {
        // A failing logger must not keep the socket open.
      }
    }
    const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && busy?.headersSent !== true) {
      socket.end(respond(error.code), () => socket.destroy());
    } else {
      socket.destroy();
    }
  };
}
