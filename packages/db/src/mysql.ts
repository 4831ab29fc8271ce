import { readProperty } from '@faultline/core/adapter';
import { type Recognised, recognised } from './failure.js';

/** A quoted name at the end of a message (`… for key 'email'`), after `pattern`. */
function quotedName(message: unknown, pattern: RegExp): string[] {
  if (typeof message !== 'string') return [];
  const name = pattern.exec(message)?.[1];
  return name === undefined ? [] : [name];
}

/** MySQL 8 names a key `table.key`; MariaDB names it alone, after its column by default. */
function keyName(message: unknown): string[] {
  return quotedName(message, /for key '([^']+)'$/).map((key) =>
    key.slice(key.lastIndexOf('.') + 1),
  );
}

/** `FOREIGN KEY (\`a\`, \`b\`) REFERENCES` → `['a', 'b']`. */
function foreignKeyColumns(message: unknown): string[] {
  if (typeof message !== 'string') return [];
  const match = /FOREIGN KEY \(([^)]*)\) REFERENCES/.exec(message);
  if (match === null) return [];
  return match[1]!.split(',').map((column) => column.trim().replace(/^`(.*)`$/, '$1'));
}

function byErrno(errno: number, message: unknown): Recognised | undefined {
  switch (errno) {
    case 1062: // ER_DUP_ENTRY
      return recognised('duplicate', keyName(message));
    case 1451: // ER_ROW_IS_REFERENCED_2
      return recognised('still-referenced');
    case 1452: // ER_NO_REFERENCED_ROW_2
      return recognised('missing-reference', foreignKeyColumns(message));
    case 1048: // ER_BAD_NULL_ERROR
      return recognised('required', quotedName(message, /^Column '([^']+)' cannot be null$/));
    case 1364: // ER_NO_DEFAULT_FOR_FIELD
      return recognised(
        'required',
        quotedName(message, /^Field '([^']+)' doesn't have a default value$/),
      );
    case 1406: // ER_DATA_TOO_LONG
      return recognised('too-long', quotedName(message, /^Data too long for column '([^']+)'/));
    case 3819: // ER_CHECK_CONSTRAINT_VIOLATED (MySQL)
    case 4025: // ER_CONSTRAINT_FAILED (MariaDB)
      return recognised('rule');
    case 1366: // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
    case 1292: // ER_TRUNCATED_WRONG_VALUE
      return recognised('malformed');
    case 1213: // ER_LOCK_DEADLOCK
    case 1205: // ER_LOCK_WAIT_TIMEOUT
      return recognised('contention');
    case 1040: // ER_CON_COUNT_ERROR
    case 1053: // ER_SERVER_SHUTDOWN
    case 1927: // ER_CONNECTION_KILLED (MariaDB)
      return recognised('unavailable');
    default:
      return undefined;
  }
}

/**
 * MariaDB's and MySQL's errors as `mysql2` (and `mysql`, `mariadb`) throw them: a numeric
 * `errno` beside a `sqlState`; and `mysql2`'s own errors for a connection it lost.
 */
export function recogniseMysql(error: object): Recognised | undefined {
  const errno = readProperty(error, 'errno');
  if (typeof errno === 'number' && typeof readProperty(error, 'sqlState') === 'string') {
    return byErrno(errno, readProperty(error, 'sqlMessage') ?? readProperty(error, 'message'));
  }
  if (readProperty(error, 'fatal') !== true) return undefined;
  if (readProperty(error, 'code') === 'PROTOCOL_CONNECTION_LOST') return recognised('unavailable');
  return readProperty(error, 'message') ===
    "Can't add new command when connection is in closed state"
    ? recognised('unavailable')
    : undefined;
}
