import type { Socket } from 'node:net';
import { clientWentAway, writeLog } from '@faultline/core/adapter';
import type { FastifyBaseLogger } from 'fastify';
import { type FaultlineOptions, resolveOptions } from './options.js';

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
  const { flow } = resolveOptions(options);

  return function problemClientError(this: unknown, error, socket) {
    // A reset connection is gone: there is no one to answer.
    if (clientWentAway(error.code) || socket.destroyed) {
      socket.destroy();
      return;
    }
    const { response, log } = flow.parserRejected(error, error.code);
    writeLog((this as { log?: FastifyBaseLogger } | undefined)?.log, log);
    const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && busy?.headersSent !== true) {
      socket.end(response, () => socket.destroy());
    } else {
      socket.destroy();
    }
  };
}
