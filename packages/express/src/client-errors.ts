import type { Duplex } from 'node:stream';
import { parserRejection, rawHttpResponse } from '@faultline/core';
import { log } from './logger.js';
import { type ProblemHandlerOptions, resolveOptions } from './options.js';

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
 * registry and the logger are the ones used.
 *
 * @example
 * const server = app.listen(3000);
 * problemClientErrors(server, { registry: problems.registry });
 */
export function problemClientErrors(
  server: ClientErrorSource,
  options: ProblemHandlerOptions = {},
): void {
  const { normalise, logger } = resolveOptions(options, 'problemClientErrors()');
  if (typeof server?.on !== 'function') {
    throw new TypeError(
      '@faultline/express: problemClientErrors() takes an http.Server or https.Server',
    );
  }
  // Node's parser rejected the request: there is no request or response, only the socket.
  const responses = new Map<string, string>();
  const responseFor = (code: unknown): string => {
    const key = typeof code === 'string' ? code : '';
    let response = responses.get(key);
    if (response === undefined) {
      const problem = normalise(parserRejection(key || undefined));
      response = rawHttpResponse(problem, JSON.stringify(problem.body));
      // Bounded: Node's parser has a few dozen error codes.
      if (responses.size < 64) responses.set(key, response);
    }
    return response;
  };

  server.on('clientError', function problemClientError(error, socket) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const response = responseFor(code);
    log(logger, 'debug', { err: error, code }, 'rejected a request Node could not parse');
    try {
      socket.end(response, () => socket.destroy());
    } catch {
      socket.destroy();
    }
  });
}
