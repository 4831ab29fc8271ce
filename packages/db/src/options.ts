/**
 * Which column names a problem may show, and under what name: a list of the columns that may be
 * shown as they are, or a function from a column (and its table, when the error names one) to
 * the name the API uses for it, or `undefined` to keep it private.
 */
export type ExposeFields =
  | readonly string[]
  | ((column: string, table: string | undefined) => string | undefined);

/** `Retry-After` seconds of the 503s. */
export interface RetryAfterOptions {
  /** A transaction that lost a race (deadlock, serialization failure, lock timeout). Default 1. */
  readonly contention?: number;
  /** A database that cannot be reached or dropped the connection. Default 5. */
  readonly unavailable?: number;
}

export interface DatabaseErrorsOptions {
  /**
   * The columns a problem may name. Default: none, and every problem speaks of "a value" or
   * "a field" without naming it.
   */
  readonly exposeFields?: ExposeFields;
  /** `Retry-After` of the 503s, in whole seconds. */
  readonly retryAfter?: RetryAfterOptions;
}

/** The options, checked and resolved once. */
export interface ResolvedOptions {
  readonly fieldName: (column: string, table: string | undefined) => string | undefined;
  readonly contentionRetryAfter: number;
  readonly unavailableRetryAfter: number;
}

const where = '@faultline/db';

function seconds(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(
      `${where}: retryAfter.${name} must be a non-negative integer of seconds, got ${String(value)}`,
    );
  }
  return value;
}

function fieldNamer(expose: unknown): ResolvedOptions['fieldName'] {
  if (expose === undefined) return () => undefined;
  if (typeof expose === 'function') {
    return (column, table) => {
      const name: unknown = expose(column, table);
      return typeof name === 'string' && name !== '' ? name : undefined;
    };
  }
  if (Array.isArray(expose) && expose.every((name) => typeof name === 'string')) {
    const allowed = new Set<string>(expose);
    return (column) => (allowed.has(column) ? column : undefined);
  }
  throw new TypeError(
    `${where}: exposeFields must be an array of column names or a function, got ${typeof expose}`,
  );
}

export function resolveOptions(options: DatabaseErrorsOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: options must be an object`);
  }
  const known = new Set(['exposeFields', 'retryAfter']);
  for (const name of Object.keys(options)) {
    if (!known.has(name)) throw new TypeError(`${where}: unknown option "${name}"`);
  }
  const retryAfter: unknown = options.retryAfter ?? {};
  if (typeof retryAfter !== 'object' || retryAfter === null) {
    throw new TypeError(`${where}: retryAfter must be an object { contention, unavailable }`);
  }
  const { contention, unavailable } = retryAfter as Record<string, unknown>;
  return {
    fieldName: fieldNamer(options.exposeFields),
    contentionRetryAfter: seconds(contention, 'contention', 1),
    unavailableRetryAfter: seconds(unavailable, 'unavailable', 5),
  };
}
