import { retryAfterSeconds } from './retry-after.js';

/** A function that sends a request the way the global `fetch` does. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** How `withRetry` retries. Every member is optional. */
export interface RetryOptions {
  /** Attempts in all, the first one included: a whole number from 1. Default 3. */
  readonly attempts?: number;
  /** The backoff ceiling of the first retry, in milliseconds; it doubles each retry. Default 500. */
  readonly baseDelay?: number;
  /**
   * The longest wait, in milliseconds. Backoff is capped there; a `Retry-After` beyond it is not
   * waited for: the response is returned. Default 60 000.
   */
  readonly maxDelay?: number;
  /**
   * The methods that may be retried. Default: the idempotent ones (RFC 9110 §9.2.2): GET, HEAD,
   * OPTIONS, TRACE, PUT, DELETE. Add POST only for requests the server deduplicates.
   */
  readonly methods?: readonly string[];
  /** Waits `ms` milliseconds, or rejects with `signal.reason` once it aborts. Default: a timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A number in [0, 1), for the jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** Milliseconds since the epoch: the clock for a `Retry-After` date without `Date`. */
  readonly now?: () => number;
}

const idempotentMethods = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'];
const where = '@faultline/client';

/** The default `sleep`: a timer that an abort clears. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function assertMilliseconds(name: string, value: number): void {
  if (!(value >= 0 && Number.isFinite(value))) {
    throw new TypeError(`${where}: ${name} must be a number of milliseconds, got ${value}`);
  }
}

/**
 * Wraps a `fetch` so that it retries as RFC 9457 APIs ask: after `Retry-After` on a 429 or 503,
 * with exponential backoff and full jitter on a 500, 502 or 503 without one; only idempotent
 * methods, a bounded number of times, and never once the request's signal aborts (the wait then
 * rejects with its reason). The last response is returned, whatever its status; a 429 that does
 * not say when to come back is returned at once.
 *
 * @example
 * const fetchWithRetry = withRetry(fetch, { attempts: 4 });
 * const response = await ensureOk(await fetchWithRetry(url, { signal: AbortSignal.timeout(30_000) }));
 */
export function withRetry(fetch: Fetch, options: RetryOptions = {}): Fetch {
  const {
    attempts = 3,
    baseDelay = 500,
    maxDelay = 60_000,
    methods = idempotentMethods,
    sleep = wait,
    random = Math.random,
    now = Date.now,
  } = options;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new TypeError(`${where}: attempts must be a whole number from 1, got ${attempts}`);
  }
  assertMilliseconds('baseDelay', baseDelay);
  assertMilliseconds('maxDelay', maxDelay);
  const retried = new Set(methods.map((method) => method.toUpperCase()));

  /** How long to wait before the next attempt, or `undefined` to stop at this response. */
  function delayAfter(response: Response, retry: number): number | undefined {
    const { status, headers } = response;
    if (status === 429 || status === 503) {
      const seconds = retryAfterSeconds((name) => headers.get(name), now);
      if (seconds !== undefined) return seconds * 1000 <= maxDelay ? seconds * 1000 : undefined;
    }
    if (status !== 500 && status !== 502 && status !== 503) return undefined;
    return random() * Math.min(maxDelay, baseDelay * 2 ** retry);
  }

  return async function fetchWithRetry(input, init) {
    const request = new Request(input, init);
    const { signal } = request;
    const retries = retried.has(request.method);
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      const more = retries && attempt < attempts;
      // A clone for each attempt that may be followed by another: a body can be sent only once.
      const response = await fetch(more ? request.clone() : request);
      const delay = more ? delayAfter(response, attempt - 1) : undefined;
      if (delay === undefined) return response;
      await response.body?.cancel(); // frees the connection
      signal.throwIfAborted();
      await sleep(delay, signal);
    }
  };
}
