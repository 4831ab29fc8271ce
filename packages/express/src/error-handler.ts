import type { Request } from 'express';
import { isAbortedRequest } from './classify.js';
import { logAnswer } from './logger.js';
import type { ErrorMiddleware } from './middleware-types.js';
import type { ResolvedOptions } from './options.js';
import { sendAnswer, sendFallback } from './send.js';

/**
 * The 4-argument error middleware: any error becomes a problem response. It never throws: if the
 * answer cannot be written it sends a static 500, and once the response has started it hands the
 * error to Express, which closes the connection.
 */
export function createErrorHandler({ flow, logger }: ResolvedOptions): ErrorMiddleware {
  return function problemErrorHandler(error, incoming, res, next) {
    const req = incoming as Request;
    // Outside the `scope` option's paths, Express's own handling (its HTML error page) answers.
    if (!flow.inScope(req)) {
      next(error);
      return;
    }
    // A client that went away (an aborted upload) cannot be answered.
    if (res.destroyed || req.socket?.destroyed === true || isAbortedRequest(error)) {
      logAnswer(logger, req, [flow.abandoned(error, req)]);
      if (!res.destroyed && !res.headersSent) sendAnswer(req, res, flow.answer(error, req).answer);
      return;
    }
    if (res.headersSent) {
      logAnswer(logger, req, [flow.late(error, req)]);
      next(error);
      return;
    }
    const { answer, logs } = flow.answer(error, req);
    logAnswer(logger, req, logs);
    try {
      sendAnswer(req, res, answer);
    } catch {
      sendFallback(req, res, flow.fallback);
    }
  };
}
