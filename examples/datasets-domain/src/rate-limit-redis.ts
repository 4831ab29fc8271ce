import { Redis } from 'ioredis';

/** What the connection reports to: the app's logger. */
export interface RedisLog {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

/** The Redis connection the rate limit keeps its counters in, shared by every instance. */
export interface RateLimitRedis {
  readonly client: Redis;
  /** Settles once the first connection attempt is over, connected or not. */
  readonly settled: Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects to the Redis at `url` for the rate limit. The limit fails open: while Redis is
 * unreachable every request is let through (an API that is up matters more than a limit that
 * is briefly not enforced), the loss is logged once as a warning and the return once, and the
 * client reconnects by itself. Commands are never queued while it is down, so no request waits
 * for Redis.
 *
 * @example const redis = connectRateLimitRedis('redis://127.0.0.1:6379', logger);
 */
export function connectRateLimitRedis(url: string, log: RedisLog): RateLimitRedis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Reconnect for as long as it takes, at most every two seconds.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  let up = false;
  let warned = false;
  const settled = new Promise<void>((resolve) => {
    client.once('ready', () => resolve());
    client.once('error', () => resolve());
  });
  client.on('ready', () => {
    up = true;
    if (warned) log.info({}, 'rate limit: Redis is back; the limit is enforced again');
    warned = false;
  });
  client.on('error', (error: Error) => {
    if (warned) return;
    warned = true;
    log.warn(
      { err: error, wasConnected: up },
      'rate limit: Redis is unreachable; requests pass unlimited until it returns',
    );
  });
  return {
    client,
    settled,
    async close() {
      client.disconnect();
    },
  };
}
