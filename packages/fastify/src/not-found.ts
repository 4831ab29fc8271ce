import { methodNotAllowed, routeNotFound } from '@faultline/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PreparedAnswer, Responder } from './error-handler.js';

/** The methods probed before any route is seen; `onRoute` adds every other one a route uses. */
const commonMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/** Which methods a URL is served with, asked of Fastify's own router. */
export interface MethodProbe {
  /** Records the methods of a route as it is added (from an `onRoute` hook). */
  add(method: string | readonly string[]): void;
  /**
   * The methods Fastify serves at the request's URL, other than the request's own, sorted.
   * `HEAD` is listed only where Fastify serves it (`exposeHeadRoutes`).
   */
  allowed(request: FastifyRequest): string[];
}

/**
 * Probes the router with `findRoute` (the request's host passed as the constraint, so routes
 * bound to a host are found): it matches concrete paths exactly as routing does, trailing
 * slashes, prefixes and case included, and costs well under a microsecond per method. It runs
 * only on the not-found path.
 */
export function createMethodProbe(fastify: FastifyInstance): MethodProbe {
  const methods = new Set(commonMethods);
  let sorted = [...methods].sort();
  return {
    add(method) {
      const size = methods.size;
      for (const name of typeof method === 'string' ? [method] : method) {
        methods.add(name.toUpperCase());
      }
      if (methods.size !== size) sorted = [...methods].sort();
    },
    allowed(request) {
      const url = request.url;
      const host = request.headers.host;
      const constraints = host === undefined ? undefined : { host };
      const allowed: string[] = [];
      for (const method of sorted) {
        if (method === request.method) continue;
        const found =
          constraints === undefined
            ? fastify.findRoute({ method, url })
            : fastify.findRoute({ method, url, constraints });
        if (found !== null) allowed.push(method);
      }
      return allowed;
    },
  };
}

/**
 * How many distinct 405 answers are kept. Each is one method refused with one `Allow` list, so an
 * app has as many as it has method sets on its paths times the methods clients try; past the
 * bound, answers are still right, only built per request.
 */
const methodAnswersKept = 256;

/**
 * The not-found handler: 404 `RESOURCE_NOT_FOUND` for a path nothing serves; 405
 * `METHOD_NOT_ALLOWED` with `Allow` for a path served with other methods; and, when
 * `answerOptions` is on, 204 with `Allow` to `OPTIONS` on a served path (Fastify answers no
 * `OPTIONS` by itself).
 *
 * These answers do not depend on the request unless the options say so, and they arrive in
 * floods (scanners, crawlers): each is built once and then sent as it is.
 */
export function createNotFoundHandler(
  probe: MethodProbe,
  responder: Responder,
  answerOptions: boolean,
): (request: FastifyRequest, reply: FastifyReply) => void {
  const { respond, prepare, sendPrepared } = responder;
  const notFoundAnswer = prepare(routeNotFound());
  const methodAnswers = new Map<string, PreparedAnswer>();

  function refuseMethod(
    request: FastifyRequest,
    reply: FastifyReply,
    allowed: string[],
    allow: string,
  ): void {
    const key = `${request.method} ${allow}`;
    let answer = methodAnswers.get(key);
    if (answer === undefined) {
      const problem = methodNotAllowed(request.method, allowed);
      answer = prepare(problem);
      if (answer === undefined) {
        respond(problem, request, reply);
        return;
      }
      if (methodAnswers.size < methodAnswersKept) methodAnswers.set(key, answer);
    }
    sendPrepared(answer, request, reply);
  }

  return function problemNotFound(request, reply) {
    let allowed: string[];
    try {
      allowed = probe.allowed(request);
    } catch {
      allowed = [];
    }
    if (allowed.length === 0) {
      if (notFoundAnswer === undefined) respond(routeNotFound(), request, reply);
      else sendPrepared(notFoundAnswer, request, reply);
      return;
    }
    // Exactly what is served: no HEAD that Fastify does not expose.
    const allow = allowed.join(', ');
    reply.header('allow', allow);
    if (answerOptions && request.method === 'OPTIONS') {
      reply.code(204).send();
      return;
    }
    refuseMethod(request, reply, allowed, allow);
  };
}
