/*
 * How an answered failure is logged: one record per failure, at one level per status class,
 * worded the same on every adapter.
 */

/** A pino level, or `'silent'` to log nothing. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export const logLevels: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** The levels failures are logged at: `info` for a 4xx (as Fastify's own handler), `error` for a 5xx. */
export interface LogOptions {
  /** The level of answered 4xx failures. Default `'info'`. */
  readonly logLevel4xx?: LogLevel;
  /** The level of answered 5xx failures. Default `'error'`. */
  readonly logLevel5xx?: LogLevel;
}

/** What one log call carries: the original error as `err`, as pino's serialisers expect. */
export interface ProblemLogRecord {
  readonly err: unknown;
  readonly status?: number;
  readonly error_code?: string;
  readonly method?: string;
  readonly url?: string;
  readonly [field: string]: unknown;
}

/** One log call to make: at `level`, with the record and the message. */
export interface LogEntry {
  readonly level: Exclude<LogLevel, 'silent'>;
  readonly record: ProblemLogRecord;
  readonly message: string;
}

/**
 * Any pino-compatible logger, or an object with some of its level methods. A logger that has
 * pino's `isLevelEnabled` is asked first, so a record it would drop is never built.
 */
export type LoggerLike = Partial<
  Record<Exclude<LogLevel, 'silent'>, (record: ProblemLogRecord, message: string) => void>
> & { readonly isLevelEnabled?: (level: string) => boolean };

/**
 * Makes one log call. A level the logger lacks is skipped; a logger that throws is ignored: a
 * broken logger must not turn an answered request into a failed one.
 */
export function writeLog(logger: LoggerLike | undefined, entry: LogEntry | undefined): void {
  if (logger === undefined || entry === undefined) return;
  try {
    const method = logger[entry.level];
    if (typeof method !== 'function') return;
    if (typeof logger.isLevelEnabled === 'function' && !logger.isLevelEnabled(entry.level)) return;
    method.call(logger, entry.record, entry.message);
  } catch {
    // Nothing to do: the answer stands.
  }
}
