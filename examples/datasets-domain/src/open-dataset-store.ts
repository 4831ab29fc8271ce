import type { DatasetStore, ServerStoreOptions } from './dataset-store.js';
import { MysqlDatasetStore } from './mysql-dataset-store.js';
import { PostgresDatasetStore } from './postgres-dataset-store.js';
import { SqliteDatasetStore } from './sqlite-dataset-store.js';

/** Where the datasets live: SQLite by default, a server when `DATABASE_URL` names one. */
export interface DatabaseChoice extends ServerStoreOptions {
  /** `postgres://…` (or `postgresql://…`) or `mysql://…` (or `mariadb://…`); unset: SQLite. */
  readonly databaseUrl?: string | undefined;
  /** The SQLite file, or `:memory:`, when no `databaseUrl` is given. */
  readonly databasePath: string;
}

/** Which driver a database URL asks for, or undefined when the scheme is none of ours. */
export function databaseKind(url: string): 'postgres' | 'mysql' | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  if (scheme === 'mysql' || scheme === 'mariadb') return 'mysql';
  return undefined;
}

/**
 * Opens the store the configuration names. Nothing connects yet: a server-backed store connects
 * on its first query, so the API starts (and answers 503) while its database is down.
 *
 * @example openDatasetStore({ databasePath: ':memory:' }) // SQLite, nothing kept
 */
export function openDatasetStore(choice: DatabaseChoice): DatasetStore {
  const { databaseUrl, databasePath, ...options } = choice;
  if (databaseUrl === undefined) return new SqliteDatasetStore(databasePath, options.table);
  switch (databaseKind(databaseUrl)) {
    case 'postgres':
      return new PostgresDatasetStore(databaseUrl, options);
    case 'mysql':
      // mysql2 reads only the mysql: scheme.
      return new MysqlDatasetStore(databaseUrl.replace(/^mariadb:/i, 'mysql:'), options);
    default:
      throw new TypeError(
        'DATABASE_URL must start with postgres://, postgresql://, mysql:// or mariadb://',
      );
  }
}
