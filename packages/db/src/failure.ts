/**
 * What a database error means for the request that caused it, whatever the database: the
 * vocabulary every recogniser translates its driver's codes into.
 */
export type DatabaseFailure =
  /** A unique (or primary) key already holds the value. */
  | 'duplicate'
  /** A foreign key names a row that does not exist (an insert or update). */
  | 'missing-reference'
  /** A row other rows still refer to cannot be deleted or re-keyed. */
  | 'still-referenced'
  /** A foreign key does not hold, and the driver does not say which way (SQLite). */
  | 'broken-reference'
  /** A column that may not be null got no value. */
  | 'required'
  /** A value breaks a check constraint. */
  | 'rule'
  /** A value is longer than its column allows. */
  | 'too-long'
  /** A value cannot be read as its column's type (text where a number belongs). */
  | 'malformed'
  /** A record the operation needs does not exist. */
  | 'not-found'
  /** The transaction lost a race (deadlock, serialization failure, lock timeout): retry soon. */
  | 'contention'
  /** The database cannot be reached, or dropped the connection. */
  | 'unavailable';

/** A recognised database error: what it means, and the columns it names, when it names any. */
export interface Recognised {
  readonly failure: DatabaseFailure;
  /** Columns (or fields) the error names, as the database spells them; never shown unless allowed. */
  readonly columns: readonly string[];
  /** The table (or collection, or model) the error names, when it names one. */
  readonly table?: string;
}

/** A recognised error naming no column. */
export function recognised(
  failure: DatabaseFailure,
  columns: readonly string[] = [],
  table?: unknown,
): Recognised {
  return typeof table === 'string' && table !== ''
    ? { failure, columns, table }
    : { failure, columns };
}
