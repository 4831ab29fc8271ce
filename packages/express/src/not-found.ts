import type { ServerResponse } from 'node:http';
import {
  allowHeader,
  malformedUrl,
  methodNotAllowed,
  type ProblemError,
  type ProblemResponse,
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

/** A problem's answer, built once: what is logged, what is sent, and its body serialised. */
interface PreparedAnswer {
  readonly error: ProblemError;
  readonly response: ProblemResponse;
  readonly payload: string;
}

/**
 * How many distinct 405 answers are kept (one per refused method and `Allow` list); past the
 * bound, answers are still right, only built per request.
 */
const methodAnswersKept = 256;

/**
 * The catch-all after the routes. Nothing here runs for a request a route answered. It asks
 * the app's router which methods the path serves: none → 404 RESOURCE_NOT_FOUND; some, but not
 * this one → 405 METHOD_NOT_ALLOWED with `Allow`; OPTIONS → 204 with `Allow`, as Express would,
 * in the same format on Express 4 and 5.
 */
export function createNotFoundHandler(options: ResolvedOptions): Middleware {
  const { normalise, logger, fixedAnswers } = options;

  function prepare(error: ProblemError): PreparedAnswer {
    const response = normalise(error);
    return { error, response, payload: JSON.stringify(response.body) };
  }

  // Unmatched paths arrive in floods (scanners, crawlers); unless the options make each answer
  // depend on the request, the 404 and each 405 are built once.
  const notFoundAnswer = fixedAnswers ? prepare(routeNotFound()) : undefined;
  const methodAnswers = new Map<string, PreparedAnswer>();

  function send(req: Request, res: ServerResponse, answer: PreparedAnswer): void {
    report(logger, answer.error, req, answer.response.status);
    sendProblem(req, res, answer.response, answer.payload);
  }

  function sendBuilt(req: Request, res: ServerResponse, error: ProblemError): void {
    const response = normalise(error, contextFor(options, req));
    report(logger, error, req, response.status);
    sendProblem(req, res, response);
  }

  function refuseMethod(req: Request, res: ServerResponse, methods: ReadonlySet<string>): void {
    if (!fixedAnswers) {
      sendBuilt(req, res, methodNotAllowed(req.method, [...methods]));
      return;
    }
    const key = `${req.method} ${allowHeader(methods)}`;
    let answer = methodAnswers.get(key);
    if (answer === undefined) {
      answer = prepare(methodNotAllowed(req.method, [...methods]));
      if (methodAnswers.size < methodAnswersKept) methodAnswers.set(key, answer);
    }
    send(req, res, answer);
  }

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
      if (methods.size === 0 || methods.has(method)) {
        if (notFoundAnswer === undefined) sendBuilt(req, res, routeNotFound());
        else send(req, res, notFoundAnswer);
      } else if (method === 'OPTIONS') {
        res.statusCode = 204;
        res.setHeader('Allow', allowHeader(methods));
        res.end();
      } else {
        refuseMethod(req, res, methods);
      }
    } catch (failure) {
      // The error handler after this one answers it.
      next(failure);
    }
  };
}
