import type { Duplex } from 'node:stream';
import { ProblemError, reasonPhrase } from '@faultline/core';
import { log } from './logger.js';
import { type ProblemHandlerOptions, resolveOptions } from './options.js';

/** Anything that emits Node's `clientError`: an `http.Server` or an `https.Server`. */
export interface ClientErrorSource {
  on(event: 'clientError', listener: (error: Error, socket: Duplex) => void): unknown;
}

/**
 * Raw HTTP/1.1 responses, built once: Node's parser rejected the request, so there is no
 * request or response object, only the socket.
 */
function rawResponse(status: number, body: unknown, headers: Readonly<Record<string, string>>) {
  const payload = JSON.stringify(body);
  let head = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  head += `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n`;
  return head + payload;
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
  const build = (error: unknown): string => {
    const { status, headers, body } = normalise(error);
    return rawResponse(status, body, headers);
  };
  const badRequest = build(
    new ProblemError('VALIDATION_ERROR', {
      detail: 'The request is not valid HTTP/1.1.',
      captureStack: false,
    }),
  );
  const headersTooLarge = build({
    status: 431,
    expose: true,
    message: 'The request header fields are too large.',
  });
  const timedOut = build({
    status: 408,
    expose: true,
    message: 'The request was not received in time.',
  });

  server.on('clientError', function problemClientError(error, socket) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const response =
      code === 'HPE_HEADER_OVERFLOW'
        ? headersTooLarge
        : code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? timedOut
          : badRequest;
    log(logger, 'debug', { err: error, code }, 'rejected a request Node could not parse');
    try {
      socket.end(response, () => socket.destroy());
    } catch {
      socket.destroy();
    }
  });
}
