import { createHash } from 'node:crypto';
import { rateLimitExceeded } from '@faultline/express';
import type { RateLimitRedis } from '@faultline-examples/datasets-domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import { maybeCallerOf } from './caller.js';

export interface RateLimitSettings {
  readonly rateLimitMax: number;
  readonly rateLimitWindowS: number;
  readonly rateLimitPrefix: string;
}

/**
 * rate-limit-redis over the shared connection. Its scripts are loaded once at start-up and the
 * digest kept; a Redis that is down then would leave the store without it for good, so a failed
 * `SCRIPT LOAD` answers the digest Redis would have given (SHA-1 of the script) and the first
 * `EVALSHA` after Redis returns loads the script again (`NOSCRIPT`).
 */
function redisStore(redis: RateLimitRedis, prefix: string): Store {
  return new RedisStore({
    prefix,
    sendCommand: async (command: string, ...args: string[]) => {
      try {
        return (await redis.client.call(command, ...args)) as RedisReply;
      } catch (error) {
        if (command.toUpperCase() === 'SCRIPT' && args[0]?.toUpperCase() === 'LOAD') {
          return createHash('sha1')
            .update(args[1] ?? '')
            .digest('hex');
        }
        throw error;
      }
    },
  });
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
 * rejection answered by the problem handler as 429 RATE_LIMIT_EXCEEDED. With `redis` the counters
 * live in Redis, shared by every instance, and the limit fails open while Redis is unreachable.
 */
export function datasetRateLimit(
  settings: RateLimitSettings,
  logger: Logger,
  redis?: RateLimitRedis,
): RequestHandler[] {
  const limiter = rateLimit({
    // Each request let through while Redis is down is a debug line: connectRateLimitRedis warns
    // once for the outage. Anything else the library reports keeps its level.
    logger: {
      warn: (warning: unknown) => logger.warn({ err: warning }, 'express-rate-limit'),
      error: (error: unknown, message?: string) =>
        message?.includes('error from store')
          ? logger.debug({ err: error }, message)
          : logger.error({ err: error }, message ?? 'express-rate-limit'),
    },
    ...(redis === undefined
      ? {}
      : { store: redisStore(redis, settings.rateLimitPrefix), passOnStoreError: true }),
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
