import { readProperty } from '@faultline/core/adapter';
import { type Recognised, recognised } from './failure.js';

/** `UNIQUE constraint failed: users.space, users.name` → `['space', 'name']` of `users`. */
function failedColumns(message: unknown): { columns: string[]; table: string | undefined } {
  if (typeof message !== 'string') return { columns: [], table: undefined };
  const match = /constraint failed: (.+)$/.exec(message);
  if (match === null) return { columns: [], table: undefined };
  const qualified = match[1]!.split(', ');
  const columns = qualified.map((name) => name.slice(name.lastIndexOf('.') + 1));
  const first = qualified[0]!;
  return {
    columns,
    table: first.includes('.') ? first.slice(0, first.lastIndexOf('.')) : undefined,
  };
}

/** SQLite's errors as better-sqlite3 throws them: an extended result code, `SQLITE_…`. */
export function recogniseSqlite(error: object): Recognised | undefined {
  const code = readProperty(error, 'code');
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const { columns, table } = failedColumns(readProperty(error, 'message'));
      return recognised('duplicate', columns, table);
    }
    case 'SQLITE_CONSTRAINT_NOTNULL': {
      const { columns, table } = failedColumns(readProperty(error, 'message'));
      return recognised('required', columns, table);
    }
    // SQLite says only "FOREIGN KEY constraint failed", for an insert and a delete alike.
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return recognised('broken-reference');
    case 'SQLITE_CONSTRAINT_CHECK':
      return recognised('rule');
    default:
      return code.startsWith('SQLITE_BUSY') ? recognised('contention') : undefined;
  }
}
