import type { Caller, DatasetService } from '@faultline-examples/datasets-domain';
import type { FastifyRequest } from 'fastify';

// Kept beside the request rather than decorated onto it, so no global type is augmented.
const callers = new WeakMap<FastifyRequest, Caller>();

/** The caller `authenticateCaller` found; only routes behind it ask. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw new Error('callerOf() used on a route without authentication');
  return caller;
}

/** The caller, or `undefined` before (or without) authentication. */
export function maybeCallerOf(request: FastifyRequest): Caller | undefined {
  return callers.get(request);
}

/**
 * Authenticates every `/v2` route, as the route's first `onRequest` hook: after routing, before
 * the rate limit and the body. The domain throws the 401 errors its mapper turns into problems.
 */
export function authenticateCaller(service: DatasetService) {
  return async function authenticateBearer(request: FastifyRequest): Promise<void> {
    callers.set(request, service.authenticate(request.headers.authorization));
  };
}
