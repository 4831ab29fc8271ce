import type { NormaliseContext } from '@faultline/core';
import type { Request } from 'express';
import { log } from './logger.js';
import type { ErrorMiddleware } from './middleware-types.js';
import type { ResolvedOptions } from './options.js';
import { report, reportLate } from './report.js';
import { sendFallback, sendProblem } from './send.js';

/** The per-request context for the normaliser: the `instance`, when configured. */
export function contextFor(options: ResolvedOptions, req: Request): NormaliseContext | undefined {
  if (options.instanceOf === undefined) return undefined;
  const instance = options.instanceOf(req);
  return instance === undefined ? undefined : { instance };
}

/**
 * The 4-argument error middleware: any error becomes a problem response. It never throws: if the
 * answer cannot be built it sends a static 500, and once the response has started it hands the
 * error to Express, which closes the connection.
 */
export function createErrorHandler(options: ResolvedOptions): ErrorMiddleware {
  const { normalise, logger, fallback } = options;

  return function problemErrorHandler(error, incoming, res, next) {
    const req = incoming as Request;
    try {
      if (res.headersSent) {
        reportLate(logger, error, req);
        next(error);
        return;
      }
      const response = normalise(error, contextFor(options, req));
      report(logger, error, req, response.status);
      // A client that went away (an aborted upload) cannot be answered.
      if (res.destroyed || req.socket?.destroyed === true) return;
      sendProblem(req, res, response);
    } catch (failure) {
      log(logger, 'error', { err: failure, cause: error }, 'problem response failed; sent a 500');
      sendFallback(req, res, fallback);
    }
  };
}
