import { rateLimited, retrySeconds } from '@faultline/core/adapter';
import type { NextFunction, Request, Response } from 'express';

/** What `rateLimitExceeded` reads from the options express-rate-limit passes its handler. */
export interface RateLimitOptionsLike {
  readonly windowMs?: number;
}

/**
 * Seconds until the client may retry: the `Retry-After` express-rate-limit already set, else its
 * reset time, else the window. A value in the past still says "1", never "0".
 */
function retryAfterOf(
  req: Request,
  res: Response,
  options?: RateLimitOptionsLike,
): number | undefined {
  const header = res.getHeader('Retry-After');
  if (header !== undefined) {
    const seconds = Number(header);
    if (Number.isSafeInteger(seconds) && seconds >= 0) return seconds;
  }
  const reset = (req as { rateLimit?: { resetTime?: unknown } }).rateLimit?.resetTime;
  if (reset instanceof Date) return retrySeconds(reset.getTime() - Date.now()) ?? 1;
  if (typeof options?.windowMs === 'number') return retrySeconds(options.windowMs);
  return undefined;
}

/**
 * An express-rate-limit `handler`: a rejected request becomes 429 RATE_LIMIT_EXCEEDED with
 * `Retry-After`, answered by the problem error handler. The rate-limit headers the limiter has
 * already set stay on the response.
 *
 * @example
 * app.use(rateLimit({ windowMs: 60_000, limit: 100, standardHeaders: 'draft-6', handler: rateLimitExceeded }));
 */
export function rateLimitExceeded(
  req: Request,
  res: Response,
  next: NextFunction,
  options?: RateLimitOptionsLike,
): void {
  next(rateLimited(retryAfterOf(req, res, options)));
}
