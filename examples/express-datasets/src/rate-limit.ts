import { rateLimitExceeded } from '@faultline/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { maybeCallerOf } from './caller.js';

export interface RateLimitSettings {
  readonly rateLimitMax: number;
  readonly rateLimitWindowS: number;
}

/**
 * The contract sends `RateLimit-Limit`, `-Remaining` and `-Reset` (draft 6) and nothing else
 * about the limit; express-rate-limit's draft 6 adds `RateLimit-Policy`, which goes.
 */
function withoutPolicy(_req: Request, res: Response, next: NextFunction): void {
  res.removeHeader('RateLimit-Policy');
  next();
}

/**
 * express-rate-limit, counted per credential (per client address when there is none), its
 * rejection answered by the problem handler as 429 RATE_LIMIT_EXCEEDED.
 */
export function datasetRateLimit(settings: RateLimitSettings): RequestHandler[] {
  const limiter = rateLimit({
    windowMs: settings.rateLimitWindowS * 1000,
    limit: settings.rateLimitMax,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const caller = maybeCallerOf(res);
      return caller === undefined
        ? `address:${ipKeyGenerator(req.ip ?? '')}`
        : `credential:${caller.credential}`;
    },
    handler: (req, res, next, options) => {
      res.removeHeader('RateLimit-Policy');
      rateLimitExceeded(req, res, next, options);
    },
  });
  return [limiter, withoutPolicy];
}
