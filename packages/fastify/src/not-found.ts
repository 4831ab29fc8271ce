import type { ProblemFlow } from '@faultline/core/adapter';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendOutcome } from './error-handler.js';

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
 * The not-found handler: 404 `RESOURCE_NOT_FOUND` for a path nothing serves; 405
 * `METHOD_NOT_ALLOWED` with `Allow` for a path served with other methods; and, when
 * `answerOptions` is on, 204 with `Allow` to `OPTIONS` on a served path (Fastify answers no
 * `OPTIONS` by itself). Core builds the answers that cannot vary once.
 */
export function createNotFoundHandler(
  probe: MethodProbe,
  flow: ProblemFlow<FastifyReply>,
  answerOptions: boolean,
): (request: FastifyRequest, reply: FastifyReply) => void {
  return function problemNotFound(request, reply) {
    let allowed: string[];
    try {
      allowed = probe.allowed(request);
    } catch {
      allowed = [];
    }
    const outcome = flow.unmatched(reply, allowed, answerOptions);
    if ('options' in outcome) {
      reply.code(204).header('allow', outcome.options).send();
      return;
    }
    sendOutcome(flow, request, reply, outcome);
  };
}
