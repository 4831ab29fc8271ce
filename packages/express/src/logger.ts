import { inspect } from 'node:util';
import {
  type LogEntry,
  type ProblemLogRecord,
  readProperty as read,
  writeLog,
} from '@faultline/core/adapter';
import type { Request } from 'express';

export type { ProblemLogRecord };

/**
 * Where failures are logged: any pino-compatible logger (pino, a pino child, pino-http's
 * `req.log`) or a small object of your own. Only `error` is required; a call at a level the
 * logger lacks is skipped.
 */
export interface ProblemLogger {
  error(obj: ProblemLogRecord, msg: string): void;
  fatal?(obj: ProblemLogRecord, msg: string): void;
  warn?(obj: ProblemLogRecord, msg: string): void;
  info?(obj: ProblemLogRecord, msg: string): void;
  debug?(obj: ProblemLogRecord, msg: string): void;
  trace?(obj: ProblemLogRecord, msg: string): void;
}

function write(obj: ProblemLogRecord, msg: string): void {
  process.stderr.write(`${msg}\n${inspect(obj.err, { depth: 6, breakLength: 120 })}\n`);
}

/** Without a logger: errors (and fatal) to stderr, with the stack and `cause` chain; nothing else. */
export const stderrLogger: ProblemLogger = { fatal: write, error: write };

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

function isLogger(value: unknown): value is ProblemLogger {
  return typeof read(value, 'error') === 'function';
}

/** Throws unless `logger` can take the calls this package makes. */
export function assertLogger(logger: unknown, where: string): asserts logger is ProblemLogger {
  if (!isLogger(logger)) {
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

/**
 * Makes the log calls of one answer: through the `logger` option when given, else through the
 * request's own logger (pino-http's `req.log`, bound to the request's id), else to stderr. With
 * a logger of the application's, the request's `id` (pino-http's `req.id`) joins the record.
 */
export function logAnswer(
  configured: ProblemLogger | undefined,
  req: Request,
  entries: readonly (LogEntry | undefined)[],
): void {
  if (entries.length === 0) return;
  const own = configured === undefined ? read(req, 'log') : undefined;
  const logger = isLogger(own) ? own : (configured ?? stderrLogger);
  const id = own === undefined ? read(req, 'id') : undefined;
  for (const entry of entries) {
    if (entry === undefined) continue;
    writeLog(
      logger,
      typeof id === 'string' || typeof id === 'number'
        ? { ...entry, record: { ...entry.record, reqId: id } }
        : entry,
    );
  }
}
