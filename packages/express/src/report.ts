import type { Request } from 'express';
import { isAbortedRequest } from './classify.js';
import { log, type ProblemLogger } from './logger.js';
import { requestPath } from './request-path.js';

/**
 * Logs one answered failure: a 5xx at `error` with the original error (stack and cause
 * included), an aborted request at `info`, any other 4xx at `debug`. Nothing is built for a
 * level the logger does not have.
 */
export function report(logger: ProblemLogger, error: unknown, req: Request, status: number): void {
  const level = status >= 500 ? 'error' : isAbortedRequest(error) ? 'info' : 'debug';
  if (typeof logger[level] !== 'function') return;
  const method = req.method;
  const url = requestPath(req);
  const record = { err: error, status, method, url };
  const outcome =
    level === 'error'
      ? `failed with ${status}`
      : level === 'info'
        ? 'was aborted'
        : `answered ${status}`;
  log(logger, level, record, `${method} ${url} ${outcome}`);
}

/** Logs an error that arrived after the response had started: the connection will be cut. */
export function reportLate(logger: ProblemLogger, error: unknown, req: Request): void {
  const method = req.method;
  const url = requestPath(req);
  log(
    logger,
    'error',
    { err: error, method, url },
    `${method} ${url} failed after its response started; closing the connection`,
  );
}
