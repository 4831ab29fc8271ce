import type { DefaultErrorCode } from './catalogue.js';
import { isRetryAfterSeconds, isSafeHeaderValue, isToken } from './headers.js';
import { assertExtensions, type ProblemExtensions } from './problem-document.js';
import { defaultRegistry, type Registry } from './registry.js';

const brand = Symbol.for('faultline.problem-error');
/** V8's stack-capture limit; other engines ignore the property. */
const ErrorWithStackLimit = Error as ErrorConstructor & { stackTraceLimit: number | undefined };
const where = '@faultline/core: ProblemError';

/** What a `ProblemError` says beyond its code. */
export interface ProblemErrorOptions {
  /** A human-readable explanation of this occurrence, safe to show the client. */
  readonly detail?: string;
  /** A URI reference identifying this occurrence. */
  readonly instance?: string;
  /** Extension members, such as `errors` or `balance`. They may not reuse a standard member's name. */
  readonly extensions?: ProblemExtensions;
  /** The underlying error: logged, never serialised. */
  readonly cause?: unknown;
  /** Seconds the client should wait (`Retry-After`); meaningful with 429 and 503. */
  readonly retryAfter?: number;
  /** The methods the resource serves, for a 405's `Allow` header. */
  readonly allow?: readonly string[];
  /** Further response headers, such as `Accept-Encoding` on a 415. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Capture a stack trace. Expected client errors thrown on hot paths can skip it: capturing is
   * most of what constructing an error costs. Default: the class's `stackPolicy`.
   */
  readonly captureStack?: boolean;
}

/**
 * Which `ProblemError`s capture a stack trace when the error does not say: only those answered
 * with a 5xx (`'server-errors'`, the default: the failures someone will debug; an expected 4xx
 * costs a tenth as much to construct without one), all of them (`true`), or none (`false`).
 */
export type StackPolicy = boolean | 'server-errors';

export function isStackPolicy(value: unknown): value is StackPolicy {
  return typeof value === 'boolean' || value === 'server-errors';
}

function capturesStack(policy: StackPolicy, status: number): boolean {
  return policy === 'server-errors' ? status >= 500 : policy;
}

function assertOptions(options: ProblemErrorOptions): void {
  if (options.detail !== undefined && typeof options.detail !== 'string') {
    throw new TypeError(`${where}: detail must be a string`);
  }
  if (options.instance !== undefined && typeof options.instance !== 'string') {
    throw new TypeError(`${where}: instance must be a string (a URI reference)`);
  }
  if (options.extensions !== undefined) assertExtensions(options.extensions, where);
  if (options.retryAfter !== undefined && !isRetryAfterSeconds(options.retryAfter)) {
    throw new TypeError(
      `${where}: retryAfter must be a non-negative integer of seconds, got ${String(options.retryAfter)}`,
    );
  }
  for (const method of options.allow ?? []) {
    if (typeof method !== 'string' || !isToken(method)) {
      throw new TypeError(
        `${where}: allow holds ${JSON.stringify(method)}, which is not an HTTP method`,
      );
    }
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!isToken(name) || typeof value !== 'string' || !isSafeHeaderValue(value)) {
      throw new TypeError(
        `${where}: header "${name}" must be a token name with a string value free of CR, LF and NUL`,
      );
    }
  }
}

/**
 * An error that is answered with a problem response. Its code fixes the status, `title` and
 * `type`; TypeScript rejects a code the registry does not define.
 *
 * @example
 * throw new ProblemError('RESOURCE_NOT_FOUND', { detail: `Dataset with ID '${id}' was not found.` });
 */
export class ProblemError extends Error {
  /** The registry this class resolves codes with; `defineProblems` makes subclasses with their own. */
  static readonly registry: Registry = defaultRegistry;
  /** Which errors of this class capture a stack trace; `defineProblems` sets its own. */
  static readonly stackPolicy: StackPolicy = 'server-errors';

  declare readonly [brand]: true;
  readonly status: number;
  /** The error code, sent as `error_code` on 4xx responses. */
  readonly code: string;
  readonly title: string;
  readonly type: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly extensions: ProblemExtensions | undefined;
  readonly retryAfter: number | undefined;
  readonly allow: readonly string[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(code: DefaultErrorCode, options: ProblemErrorOptions = {}) {
    const resolved = new.target.registry.byCode(code);
    if (resolved === undefined) {
      throw new TypeError(
        `${where}: unknown error code "${String(code)}"; define it with defineProblems()`,
      );
    }
    assertOptions(options);
    const captureStack =
      options.captureStack ?? capturesStack(new.target.stackPolicy, resolved.status);
    const stackTraceLimit = ErrorWithStackLimit.stackTraceLimit;
    if (!captureStack) ErrorWithStackLimit.stackTraceLimit = 0;
    super(
      options.detail ?? resolved.title,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    if (!captureStack) ErrorWithStackLimit.stackTraceLimit = stackTraceLimit;
    this.status = resolved.status;
    this.code = resolved.code;
    this.title = resolved.title;
    this.type = resolved.type;
    this.detail = options.detail;
    this.instance = options.instance;
    this.extensions = options.extensions;
    this.retryAfter = options.retryAfter;
    this.allow = options.allow;
    this.headers = options.headers;
  }
}

Object.defineProperty(ProblemError.prototype, brand, { value: true });
Object.defineProperty(ProblemError.prototype, 'name', {
  value: 'ProblemError',
  writable: true,
  configurable: true,
});

/**
 * Whether `value` is a `ProblemError`, from this copy of the package or any other: the check
 * reads a brand, not the prototype chain.
 */
export function isProblemError(value: unknown): value is ProblemError {
  if (typeof value !== 'object' || value === null) return false;
  try {
    // `instanceof` is the fast path for this copy; a Proxy's getPrototypeOf trap may throw.
    return value instanceof ProblemError || (value as { [brand]?: unknown })[brand] === true;
  } catch {
    return false;
  }
}

/** A `ProblemError` class whose constructor accepts exactly `Code`. */
export interface ProblemErrorClass<Code extends string> {
  new (code: Code, options?: ProblemErrorOptions): ProblemError;
  readonly registry: Registry<Code>;
  readonly stackPolicy: StackPolicy;
  readonly prototype: ProblemError;
}
