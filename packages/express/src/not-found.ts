import {
  allowHeader,
  malformedUrl,
  methodNotAllowed,
  type ProblemError,
  routeNotFound,
} from '@faultline/core';
import type { Request } from 'express';
import { allowedMethods, routerOf } from './allowed-methods.js';
import { contextFor } from './error-handler.js';
import type { Middleware } from './middleware-types.js';
import type { ResolvedOptions } from './options.js';
import { report } from './report.js';
import { sendProblem } from './send.js';

/**
 * The path to look up in `req.app`'s router. At the top-level app that is the whole path as the
 * app saw it (so mounting the handlers under a prefix changes nothing); inside a sub-app, the
 * path below the sub-app's mount point.
 */
function appPath(req: Request): string {
  const parent = (req.app as { parent?: unknown } | undefined)?.parent;
  return parent === undefined ? req.baseUrl + req.path : req.path;
}

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
export function createNotFoundHandler(options: ResolvedOptions): Middleware {
  const { normalise, logger } = options;

  return function problemNotFound(incoming, res, next) {
    const req = incoming as Request;
    try {
      if (res.headersSent) {
        next();
        return;
      }
      const path = appPath(req);
      if (!decodes(path)) {
        // Express matched nothing because it could not decode the path: the client's fault.
        const error = malformedUrl();
        sendProblem(req, res, normalise(error, contextFor(options, req)));
        report(logger, error, req, 400);
        return;
      }
      const methods = allowedMethods(routerOf(req.app), path);
      const { method } = req;
      let error: ProblemError;
      if (methods.size === 0 || methods.has(method)) {
        error = routeNotFound();
      } else if (method === 'OPTIONS') {
        res.statusCode = 204;
        res.setHeader('Allow', allowHeader(methods));
        res.end();
        return;
      } else {
        error = methodNotAllowed(method, [...methods]);
      }
      const response = normalise(error, contextFor(options, req));
      report(logger, error, req, response.status);
      sendProblem(req, res, response);
    } catch (failure) {
      // The error handler after this one answers it.
      next(failure);
    }
  };
}
