import type { Duplex } from 'node:stream';
import { clientWentAway, writeLog } from '@faultline/core/adapter';
import { stderrLogger } from './logger.js';
import { type ProblemHandlerOptions, resolveOptions } from './options.js';
import { where } from './validate.js';

/** Anything that emits Node's `clientError`: an `http.Server` or an `https.Server`. */
export interface ClientErrorSource {
  on(event: 'clientError', listener: (error: Error, socket: Duplex) => void): unknown;
}

/** The socket's in-flight response, if one has started: answering then would corrupt it. */
function responseStarted(socket: Duplex): boolean {
  const current = (socket as { _httpMessage?: { headersSent?: unknown } })._httpMessage;
  return current?.headersSent === true;
}

/**
 * Answers the requests Node's HTTP parser rejects before Express sees them (an unknown method
 * such as `FOO`, a malformed request line or header, headers too large) with a problem: 400, or
 * 431 for headers too large and 408 for a request that timed out; then closes the connection.
 * A reset connection is simply destroyed. Takes the same options as `problemHandlers()`; the
 * registry, the log levels and the logger are the ones used.
 *
 * @example
 * const server = app.listen(3000);
 * problemClientErrors(server, { registry: problems.registry });
 */
export function problemClientErrors(
  server: ClientErrorSource,
  options: ProblemHandlerOptions = {},
): void {
  const { flow, logger } = resolveOptions(options);
  if (typeof server?.on !== 'function') {
    throw new TypeError(`${where}: problemClientErrors() takes an http.Server or https.Server`);
  }
  server.on('clientError', function problemClientError(error, socket) {
    const raw = (error as { code?: unknown }).code;
    const code = typeof raw === 'string' ? raw : undefined;
    if (clientWentAway(code) || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const { response, log } = flow.parserRejected(error, code);
    writeLog(logger ?? stderrLogger, log);
    try {
      socket.end(response, () => socket.destroy());
    } catch {
      socket.destroy();
    }
  });
}
