import type { LogCall } from './capture-logger';
import type { LogLevel } from './scenario';

/**
 * What a record's `err` was: the very value the scenario's handler or hook threw in this request,
 * or else the message of an error (or the type of a non-error) the adapter or framework made.
 */
export type ErrDescription =
  | 'the thrown value'
  | { readonly message: string }
  | { readonly value: string };

/** A log record as compared across adapters. */
export interface LogRecord {
  readonly level: LogLevel;
  readonly msg: string | undefined;
  /** The record's own fields and the child bindings, without `err` and the request bindings. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly err: ErrDescription | undefined;
}

/** Bindings the frameworks add for their own request logging: not part of the policy. */
const requestBindings: ReadonlySet<string> = new Set(['reqId', 'req', 'res']);

function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `err` as given (a thrown `undefined` included); call only when the record has an `err` field. */
function describeErr(err: unknown, thrown: readonly unknown[]): ErrDescription {
  if (thrown.some((value) => Object.is(value, err))) return 'the thrown value';
  if (typeof err === 'object' && err !== null) {
    const message = read(err, 'message');
    if (typeof message === 'string') return { message };
  }
  return { value: err === null ? 'null' : typeof err };
}

/** A JSON-safe copy, so records compare and group by value: errors become their message. */
export function plain(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return { error: read(value, 'message') };
  if (depth > 4) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = plain(read(value, key), depth + 1);
  return copy;
}

/**
 * Reads a call the way pino would: `(obj, msg)`, `(msg)`, or `(err, msg)` where an Error alone
 * is the `err` field.
 */
export function describeCall(call: LogCall, thrown: readonly unknown[]): LogRecord {
  const [first, second] = call.args;
  let obj: Record<string, unknown> = {};
  let msg: string | undefined;
  if (typeof first === 'string') {
    msg = first;
  } else {
    if (first instanceof Error) obj = { err: first };
    else if (typeof first === 'object' && first !== null) obj = first as Record<string, unknown>;
    if (typeof second === 'string') msg = second;
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...call.bindings, ...obj })) {
    if (key !== 'err' && !requestBindings.has(key)) fields[key] = plain(value);
  }
  const err = 'err' in obj ? describeErr(obj.err, thrown) : undefined;
  return { level: call.level, msg, fields, err };
}
