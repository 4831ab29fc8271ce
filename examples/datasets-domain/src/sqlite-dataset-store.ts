import Database from 'better-sqlite3';
import { DatasetNameTakenError } from './dataset-errors.js';
import {
  type Dataset,
  type DatasetRow,
  type DatasetStore,
  datasetColumns,
  type NewDataset,
  newDatasetRow,
  type StoredDataset,
  toDataset,
} from './dataset-store.js';

/** better-sqlite3 reports a constraint by its extended result code. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * Datasets in SQLite: `:memory:` (the default: nothing to install, nothing kept) or a file.
 *
 * @example
 * const store = new SqliteDatasetStore(':memory:');
 * (await store.insert('demo', { name: 'sales' })).id; // 'ZGF0YXNldC0…'
 */
export class SqliteDatasetStore implements DatasetStore {
  readonly #db: Database.Database;
  readonly #list: Database.Statement<[string], DatasetRow>;
  readonly #find: Database.Statement<[string], DatasetRow>;
  readonly #insert: Database.Statement<[DatasetRow]>;
  readonly #delete: Database.Statement<[string]>;

  constructor(path: string, table = 'datasets') {
    this.#db = new Database(path);
    if (path !== ':memory:') this.#db.pragma('journal_mode = WAL');
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS ${table} (
        suffix      TEXT PRIMARY KEY,
        space       TEXT NOT NULL,
        name        TEXT NOT NULL,
        description TEXT,
        visibility  TEXT NOT NULL CHECK (visibility IN ('private', 'public')),
        created_at  TEXT NOT NULL,
        UNIQUE (space, name)
      )`);
    this.#list = this.#db.prepare(
      `SELECT ${datasetColumns} FROM ${table} WHERE space = ? ORDER BY rowid`,
    );
    this.#find = this.#db.prepare(`SELECT ${datasetColumns} FROM ${table} WHERE suffix = ?`);
    this.#insert = this.#db.prepare(
      `INSERT INTO ${table} (${datasetColumns})
       VALUES (@suffix, @space, @name, @description, @visibility, @created_at)`,
    );
    this.#delete = this.#db.prepare(`DELETE FROM ${table} WHERE suffix = ?`);
  }

  async list(space: string): Promise<Dataset[]> {
    return this.#list.all(space).map(toDataset);
  }

  async find(suffix: string): Promise<StoredDataset | undefined> {
    const row = this.#find.get(suffix);
    return row === undefined ? undefined : { space: row.space, dataset: toDataset(row) };
  }

  async insert(space: string, input: NewDataset): Promise<Dataset> {
    const row = newDatasetRow(space, input);
    try {
      this.#insert.run(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DatasetNameTakenError(input.name, { cause: error });
      throw error;
    }
    return toDataset(row);
  }

  async delete(suffix: string): Promise<boolean> {
    return this.#delete.run(suffix).changes > 0;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
