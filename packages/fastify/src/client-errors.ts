import type { Socket } from 'node:net';
import { parserRejection, rawHttpResponse } from '@faultline/core';
import type { FastifyBaseLogger } from 'fastify';
import { type FaultlineOptions, resolveOptions } from './options.js';
import { serializeProblem } from './serializer.js';

/** What Node's HTTP parser reports with `clientError`. */
export type ClientError = Error & { readonly code?: string };

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
    const key = code ?? '';
    let response = responses.get(key);
    if (response === undefined) {
      const problem = normalise(parserRejection(code));
      response = rawHttpResponse(problem, serializeProblem(problem.body));
      // Bounded: Node's parser has a few dozen error codes.
      if (responses.size < 64) responses.set(key, response);
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
