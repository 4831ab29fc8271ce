import { inspect } from 'node:util';
import { read } from './read.js';

/** What a log call carries: the original error as `err`, as pino's serialisers expect. */
export type ProblemLogRecord = Readonly<Record<string, unknown>>;

/**
 * Where failures are logged: any pino-compatible logger (pino, a pino child, `req.log`-style
 * objects) or a small object of your own. Only `error` is required; 4xx outcomes go to `debug`
 * and aborted requests to `info`, when present.
 */
export interface ProblemLogger {
  error(obj: ProblemLogRecord, msg: string): void;
  warn?(obj: ProblemLogRecord, msg: string): void;
  info?(obj: ProblemLogRecord, msg: string): void;
  debug?(obj: ProblemLogRecord, msg: string): void;
}

function write(obj: ProblemLogRecord, msg: string): void {
  const subject = obj.err === undefined ? obj : obj.err;
  process.stderr.write(`${msg}\n${inspect(subject, { depth: 6, breakLength: 120 })}\n`);
}

/** The default: errors and warnings to stderr, with the stack and `cause` chain; nothing else. */
export const stderrLogger: ProblemLogger = { error: write, warn: write };

const levels = ['error', 'warn', 'info', 'debug'] as const;

/** Throws unless `logger` can take the calls this package makes. */
export function assertLogger(logger: unknown, where: string): asserts logger is ProblemLogger {
  if (
    typeof logger !== 'object' ||
    logger === null ||
    typeof read(logger, 'error') !== 'function'
  ) {
    throw new TypeError(
      `${where}: option logger must be an object with an error(obj, msg) method (pino-compatible), got ${logger === null ? 'null' : typeof logger}`,
    );
  }
  for (const level of levels) {
    const method = read(logger, level);
    if (method !== undefined && typeof method !== 'function') {
      throw new TypeError(
        `${where}: option logger.${level} must be a function when present, got ${typeof method}`,
      );
    }
  }
}

/** Calls the logger without ever letting it throw into the response path. */
export function log(
  logger: ProblemLogger,
  level: (typeof levels)[number],
  obj: ProblemLogRecord,
  msg: string,
): void {
  try {
    logger[level]?.(obj, msg);
  } catch {
    // A broken logger must not turn an answered request into a failed one.
  }
}
