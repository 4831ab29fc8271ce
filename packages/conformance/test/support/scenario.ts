import type { Registry } from '@faultline/core';

/** The four adapters under test, by the name every test title carries. */
export type FrameworkName = 'Express 4' | 'Express 5' | 'Fastify 4' | 'Fastify 5';

/** A pino level. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * The faultline options a scenario gives both adapters, passed to each exactly as written (the
 * Express builder adds only its `logger`). `logLevel4xx` and `logLevel5xx` are the log policy's
 * options; any other key (a misspelt one, say) is passed on too.
 */
export interface ScenarioOptions {
  readonly registry?: Registry;
  readonly mappers?: readonly ((error: unknown) => unknown)[];
  /** `true`, or a function the adapter calls with its own request object. */
  readonly instance?: boolean | (() => string | undefined);
  readonly exposeStack?: boolean;
  readonly logLevel4xx?: LogLevel | 'silent';
  readonly logLevel5xx?: LogLevel | 'silent';
  readonly [otherOption: string]: unknown;
}

/** What the client sends. */
export interface RequestSpec {
  readonly method: string;
  /** The request target: path and query. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * What the scenario expects of every adapter. Headers are named in lower case; a value `undefined`
 * in `errorCode` means the body must have no `error_code`.
 */
export interface AnswerExpectation {
  readonly status: number;
  readonly errorCode?: string;
  /**
   * The media type, `application/problem+json` unless given. An `application/problem+xml` body
   * is read back as JSON (`problem-xml-reader.ts`) before its members are checked.
   */
  readonly contentType?: 'application/problem+json' | 'application/problem+xml';
  /** Members the body must hold, with these values. */
  readonly body?: Readonly<Record<string, unknown>>;
  /** Members the body must not hold. */
  readonly absentMembers?: readonly string[];
  /** Headers the answer must carry, with exactly these values. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers the answer must not carry. */
  readonly absentHeaders?: readonly string[];
  /**
   * What the answered failure's record logs as `err` when it is not the thrown value itself
   * (a copy with secrets redacted): its message.
   */
  readonly loggedError?: { readonly message: string };
  /** Fields the answered failure's log record holds besides the log policy's own. */
  readonly logFields?: Readonly<Record<string, unknown>>;
  /**
   * The log records beyond the one record of the answered failure (which is always expected,
   * per the log policy): the messages of the `err` of further `error`-level records. `'unchecked'`
   * skips the log expectation (the records are still compared across adapters).
   */
  readonly logs?: 'unchecked' | { readonly extraErrors: readonly string[] };
}

/** The options are refused when the app starts: a `TypeError` whose message names `mentions`. */
export interface StartupExpectation {
  readonly startupError: { readonly name: string; readonly mentions: string };
}

export type Expectation = AnswerExpectation | StartupExpectation;

export function isStartupExpectation(expectation: Expectation): expectation is StartupExpectation {
  return 'startupError' in expectation;
}

/**
 * One row of the matrix. Every app serves `GET /subject` (the scenario's hook, then its handler),
 * `GET /items` and `POST /items` (which echoes the JSON body); see `routes.ts`.
 */
export interface Scenario {
  readonly name: string;
  /** Built once per app (lazily, so a definition that throws fails only this row). */
  readonly options?: () => ScenarioOptions;
  /** What `GET /subject` does: set these response headers, then throw what `throws` makes. */
  readonly handler?: {
    readonly headers?: Readonly<Record<string, string>>;
    readonly throws: () => unknown;
  };
  /** A middleware (Express) or `onRequest` hook (Fastify) of `GET /subject` that throws first. */
  readonly hook?: { readonly throws: () => unknown };
  readonly request: RequestSpec;
  /** `'throwing'`: every log method throws (after the call is recorded) while the request runs. */
  readonly logger?: 'throwing';
  /**
   * A body member (and log field) holding a fresh random trace id, different on every request:
   * a value of 32 lowercase hex digits is read as `FRESH_TRACE_ID` before answers are compared.
   */
  readonly freshTraceId?: string;
  /** Only these adapters can deliver the scenario at all, for the reason given. */
  readonly only?: { readonly frameworks: readonly FrameworkName[]; readonly reason: string };
  readonly expect: Expectation;
}

/** What a fresh random trace id reads as, in the body and the log records (`freshTraceId`). */
export const FRESH_TRACE_ID = '<a fresh trace id>';
