import type { ProblemError } from '@faultline/core';
import { rateLimitBanned, rateLimited, retrySeconds } from '@faultline/core/adapter';
import type { FastifyRequest } from 'fastify';

/** The part of @fastify/rate-limit's `errorResponseBuilder` context this builder reads. */
export interface RateLimitContext {
  /** 429, or 403 once the client is banned (`ban` option). */
  readonly statusCode?: number;
  readonly ban?: boolean;
  /** Milliseconds until the window resets. */
  readonly ttl: number;
}

/**
 * An `errorResponseBuilder` for @fastify/rate-limit: the rejection becomes a 429
 * `RATE_LIMIT_EXCEEDED` problem with `Retry-After` (a ban, a 403 `ACCESS_DENIED`). The limit
 * headers the library sets before rejecting are kept as they are.
 *
 * @example
 * import rateLimit from '@fastify/rate-limit';
 * import { rateLimitErrorResponseBuilder } from '@faultline/fastify';
 *
 * await app.register(rateLimit, { max: 100, timeWindow: '1 minute', errorResponseBuilder: rateLimitErrorResponseBuilder });
 */
export function rateLimitErrorResponseBuilder(
  _request: FastifyRequest,
  context: RateLimitContext,
): ProblemError {
  if (context.ban === true || context.statusCode === 403) return rateLimitBanned();
  return rateLimited(typeof context.ttl === 'number' ? retrySeconds(context.ttl) : undefined);
}
