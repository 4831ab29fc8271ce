import { malformedUrl } from '@faultline/core/adapter';
import type { Request } from 'express';
import { allowedMethods, appPath, markNotEndpoint, routerOf } from './allowed-methods.js';
import { logAnswer } from './logger.js';
import type { Middleware } from './middleware-types.js';
import type { ResolvedOptions } from './options.js';
import { sendAnswer } from './send.js';

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The catch-all after the routes. Nothing here runs for a request a route answered. It asks
 * the app's router which methods the path serves: none → 404 RESOURCE_NOT_FOUND; some, but not
 * this one → 405 METHOD_NOT_ALLOWED with `Allow`; OPTIONS → 204 with `Allow`, as Express would,
 * in the same format on Express 4 and 5.
 */
export function createNotFoundHandler({ flow, logger }: ResolvedOptions): Middleware {
  const problemNotFound: Middleware = (incoming, res, next) => {
    const req = incoming as Request;
    try {
      // Outside the `scope` option's paths, Express's own 404 (finalhandler's HTML) answers.
      if (res.headersSent || !flow.inScope(req)) {
        next();
        return;
      }
      const path = appPath(req);
      if (!decodes(path)) {
        // Express matched nothing because it could not decode the path: the client's fault.
        next(malformedUrl());
        return;
      }
      const methods = allowedMethods(routerOf(req.app), path);
      // A route that served this method and passed the request on: nothing is here after all.
      const served = methods.has(req.method) ? [] : methods;
      const outcome = flow.unmatched(req, served, true);
      if ('options' in outcome) {
        res.statusCode = 204;
        res.setHeader('Allow', outcome.options);
        res.end();
        return;
      }
      logAnswer(logger, req, outcome.logs);
      sendAnswer(req, res, outcome.answer);
    } catch (failure) {
      // The error handler after this one answers it.
      next(failure);
    }
  };
  markNotEndpoint(problemNotFound);
  return problemNotFound;
}
