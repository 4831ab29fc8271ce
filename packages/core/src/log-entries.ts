import type { LogEntry, LogLevel } from './log-policy.js';
import { requestTargetPath } from './request-target.js';

/** What is known of a request: its method and its target as received. */
export interface RequestFacts {
  readonly method: string;
  /** The request target, origin form (`/a?b`) or absolute form; the query is never logged. */
  readonly target: string;
}

/** What an answered failure's log record says of the answer. */
interface Answered {
  readonly error: unknown;
  readonly status: number;
  readonly code: string | undefined;
  /** The trace id the answer carries, when the `traceId` option is on. */
  readonly traceId?: string | undefined;
}

/** The wording of every log call the flow makes, at the levels the options chose. */
export interface LogEntries {
  /** A failure answered with a problem: `GET /x answered 404`, `GET /x failed with 500`. */
  answered(answer: Answered, request: RequestFacts): LogEntry | undefined;
  /** Something of the application's that failed while answering (a mapper, `instance`). */
  failed(failure: unknown, request: RequestFacts, what: string): LogEntry | undefined;
  abandoned(error: unknown, status: number, request: RequestFacts): LogEntry | undefined;
  late(error: unknown, request: RequestFacts): LogEntry | undefined;
  parserRejected(
    error: unknown,
    status: number,
    code: string | undefined,
    traceId?: string,
  ): LogEntry | undefined;
}

/** `traceMember`: the record field of an answer's trace id, the name its body member has. */
export function createLogEntries(
  level4xx: LogLevel,
  level5xx: LogLevel,
  traceMember = 'trace_id',
): LogEntries {
  const levelFor = (status: number): LogLevel => (status >= 500 ? level5xx : level4xx);

  function entry(
    level: LogLevel,
    record: Record<string, unknown>,
    message: string,
  ): LogEntry | undefined {
    return level === 'silent'
      ? undefined
      : { level, record: record as LogEntry['record'], message };
  }

  /** The method and the path without its query: what every request's record names. */
  function where({ method, target }: RequestFacts): { method: string; url: string } {
    return { method, url: requestTargetPath(target) };
  }

  return {
    answered({ error, status, code, traceId }, request) {
      if (levelFor(status) === 'silent') return undefined;
      const { method, url } = where(request);
      const record: Record<string, unknown> = { err: error, status, method, url };
      if (code !== undefined && status < 500) record.error_code = code;
      if (traceId !== undefined) record[traceMember] = traceId;
      const outcome = status >= 500 ? `failed with ${status}` : `answered ${status}`;
      return entry(levelFor(status), record, `${method} ${url} ${outcome}`);
    },
    failed(failure, request, what) {
      const { method, url } = where(request);
      return entry(level5xx, { err: failure, method, url }, `${method} ${url}: ${what}`);
    },
    abandoned(error, status, request) {
      const { method, url } = where(request);
      return entry(
        levelFor(status),
        { err: error, status, method, url },
        `${method} ${url} was abandoned by the client`,
      );
    },
    late(error, request) {
      const { method, url } = where(request);
      return entry(
        level5xx,
        { err: error, method, url },
        `${method} ${url} failed after its response started; closing the connection`,
      );
    },
    parserRejected(error, status, code, traceId) {
      const record: Record<string, unknown> = { err: error, status };
      if (traceId !== undefined) record[traceMember] = traceId;
      return entry(
        levelFor(status),
        record,
        `rejected a request Node could not parse (${code ?? 'no code'})`,
      );
    },
  };
}
