import { readProperty } from '@faultline/core/adapter';
import { type Recognised, recognised } from './failure.js';

/** What `pg` itself throws, without a SQLSTATE, when the connection is lost or never made. */
const connectionLost: ReadonlySet<string> = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  // A client's own connectionTimeoutMillis, when no pool is in between.
  'timeout expired',
]);

const sqlState = /^[0-9A-Z]{5}$/;

/** `Key (a, "B")=(…)` in a detail → `['a', 'B']`; the values after `=` are never read. */
export function keyColumns(detail: unknown): string[] {
  if (typeof detail !== 'string') return [];
  const match = /^Key \((.+?)\)=\(/.exec(detail);
  if (match === null) return [];
  return match[1]!.split(', ').map((column) => column.replace(/^"(.*)"$/, '$1'));
}

function byState(error: object, code: string): Recognised | undefined {
  const table = readProperty(error, 'table');
  switch (code) {
    case '23505':
      return recognised('duplicate', keyColumns(readProperty(error, 'detail')), table);
    case '23503': {
      const message = readProperty(error, 'message');
      if (typeof message === 'string' && message.startsWith('insert or update on table')) {
        return recognised('missing-reference', keyColumns(readProperty(error, 'detail')), table);
      }
      if (typeof message === 'string' && message.startsWith('update or delete on table')) {
        return recognised('still-referenced', [], table);
      }
      // A server that speaks another language (lc_messages) does not say which way it failed.
      return recognised('broken-reference', [], table);
    }
    case '23502': {
      const column = readProperty(error, 'column');
      return recognised('required', typeof column === 'string' ? [column] : [], table);
    }
    case '23514':
      return recognised('rule', [], table);
    case '22001':
      return recognised('too-long', [], table);
    case '22P02':
    case '22007':
      return recognised('malformed', [], table);
    case '40001':
    case '40P01':
    case '55P03':
      return recognised('contention');
    case '53300':
    case '57P01':
    case '57P02':
    case '57P03':
      return recognised('unavailable');
    default:
      // Class 08: connection exceptions.
      return code.startsWith('08') ? recognised('unavailable') : undefined;
  }
}

/**
 * PostgreSQL's errors as `pg` (and postgres.js) throw them: a SQLSTATE `code` beside a
 * `severity`; and `pg`'s own errors for a connection that was lost or never made.
 */
export function recognisePostgres(error: object): Recognised | undefined {
  const code = readProperty(error, 'code');
  if (typeof code === 'string' && sqlState.test(code)) {
    return typeof readProperty(error, 'severity') === 'string' ? byState(error, code) : undefined;
  }
  if (code !== undefined) return undefined;
  const message = readProperty(error, 'message');
  return typeof message === 'string' && connectionLost.has(message)
    ? recognised('unavailable')
    : undefined;
}
