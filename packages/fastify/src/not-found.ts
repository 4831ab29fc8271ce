import type { ProblemFlow } from '@faultline/core/adapter';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendOutcome } from './error-handler.js';

/** The methods probed before any route is seen; `onRoute` adds every other one a route uses. */
const commonMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

function decoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * Whether a route found for `url` is one that matches every URL: a wildcard at the root, such
 * as the `OPTIONS *` that @fastify/cors registers for preflights, or an app's `/*` fallback.
 * Such a route says nothing about whether a path exists, so it makes no path a 405; where a
 * path does exist, the methods it serves there are in `Allow`. Its wildcard is its only
 * parameter and captured the whole path: `*` with the leading slash, `/*` without it.
 */
function matchesEveryUrl(params: unknown, url: string): boolean {
  if (typeof params !== 'object' || params === null) return false;
  const keys = Object.keys(params);
  if (keys.length !== 1 || keys[0] !== '*') return false;
  const rest = (params as Record<string, unknown>)['*'];
  if (typeof rest !== 'string') return false;
  if (rest.startsWith('/')) return true;
  const query = url.indexOf('?');
  const path = (query === -1 ? url : url.slice(0, query)).slice(1);
  return rest === path || rest === decoded(path);
}

/** Which methods a URL is served with, asked of Fastify's own router. */
export interface MethodProbe {
  /** Records the methods of a route as it is added (from an `onRoute` hook). */
  add(method: string | readonly string[]): void;
  /**
   * The methods Fastify serves at the request's URL, other than the request's own, sorted.
   * `HEAD` is listed only where Fastify serves it (`exposeHeadRoutes`). None when only routes
   * that match every URL (`OPTIONS *`) serve it.
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
      let served = false;
      for (const method of sorted) {
        if (method === request.method) continue;
        const found =
          constraints === undefined
            ? fastify.findRoute({ method, url })
            : fastify.findRoute({ method, url, constraints });
        if (found === null) continue;
        allowed.push(method);
        if (!matchesEveryUrl(found.params, url)) served = true;
      }
      // Only routes that match every URL were found: nothing is here.
      return served ? allowed : [];
    },
  };
}

/**
 * Fastify's own 404, for a path outside the `scope` option: the not-found handler is replaced
 * app-wide, so its answer and its log line are given here, as Fastify gives them.
 */
function fastifyNotFound(request: FastifyRequest, reply: FastifyReply): void {
  const { url, method } = request.raw;
  const message = `Route ${method}:${url} not found`;
  if (request.server.initialConfig.disableRequestLogging !== true) request.log.info(message);
  reply.code(404).send({ message, error: 'Not Found', statusCode: 404 });
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
    if (!flow.inScope(reply)) {
      fastifyNotFound(request, reply);
      return;
    }
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
