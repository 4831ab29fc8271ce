import { parseHttpDate } from './http-date.js';

/** Reads one response header by its (case-insensitive) name. */
export type HeaderReader = (name: string) => string | null | undefined;

/**
 * The seconds a `Retry-After` header asks to wait: delta-seconds as they are, an HTTP-date counted
 * from the response's `Date` (or from `now()` when it has none), never below 0. `undefined`
 * without a header, or with one that is neither.
 */
export function retryAfterSeconds(header: HeaderReader, now: () => number): number | undefined {
  const value = header('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const clock = now();
  const at = parseHttpDate(value, clock);
  if (at === undefined) return undefined;
  const sent = parseHttpDate(header('date')?.trim() ?? '', clock) ?? clock;
  return Math.max(0, Math.ceil((at - sent) / 1000));
}
