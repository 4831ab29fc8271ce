import pg from 'pg';
import { DatasetNameTakenError } from './dataset-errors.js';
import {
  type Dataset,
  type DatasetRow,
  type DatasetStore,
  datasetColumns,
  datasetValues,
  type NewDataset,
  newDatasetRow,
  type ServerStoreOptions,
  type StoredDataset,
  toDataset,
} from './dataset-store.js';
import { SchemaOnce } from './schema-once.js';

const UNIQUE_VIOLATION = '23505';

/**
 * Datasets in PostgreSQL through a `pg` pool. The table is created on first use, so the API
 * starts while the database is down, answers 503 meanwhile, and recovers by itself when the
 * database returns: the pool opens a fresh connection for every query that needs one.
 *
 * @example const store = new PostgresDatasetStore('postgres://127.0.0.1:5432/test');
 */
export class PostgresDatasetStore implements DatasetStore {
  readonly #pool: pg.Pool;
  readonly #table: string;
  readonly #schema: SchemaOnce;
  #closed = false;

  constructor(connectionString: string, options: ServerStoreOptions = {}) {
    this.#table = options.table ?? 'datasets';
    this.#pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000, max: 10 });
    // An idle connection the server closed (a restart, a failover) is reported here; without a
    // listener the process would crash. The next query opens a new one.
    this.#pool.on('error', (error) => options.onConnectionError?.(error));
    this.#schema = new SchemaOnce(() =>
      this.#pool.query(`
        CREATE TABLE IF NOT EXISTS ${this.#table} (
          seq         BIGSERIAL,
          suffix      TEXT PRIMARY KEY,
          space       TEXT NOT NULL,
          name        TEXT NOT NULL,
          description TEXT,
          visibility  TEXT NOT NULL CHECK (visibility IN ('private', 'public')),
          created_at  TEXT NOT NULL,
          UNIQUE (space, name)
        )`),
    );
  }

  async #rows(sql: string, values: readonly unknown[]): Promise<DatasetRow[]> {
    await this.#schema.ready();
    const result = await this.#pool.query<DatasetRow>(sql, values as unknown[]);
    return result.rows;
  }

  async list(space: string): Promise<Dataset[]> {
    const rows = await this.#rows(
      `SELECT ${datasetColumns} FROM ${this.#table} WHERE space = $1 ORDER BY seq`,
      [space],
    );
    return rows.map(toDataset);
  }

  async find(suffix: string): Promise<StoredDataset | undefined> {
    const [row] = await this.#rows(
      `SELECT ${datasetColumns} FROM ${this.#table} WHERE suffix = $1`,
      [suffix],
    );
    return row === undefined ? undefined : { space: row.space, dataset: toDataset(row) };
  }

  async insert(space: string, input: NewDataset): Promise<Dataset> {
    const row = newDatasetRow(space, input);
    try {
      await this.#rows(
        `INSERT INTO ${this.#table} (${datasetColumns}) VALUES ($1, $2, $3, $4, $5, $6)`,
        datasetValues(row),
      );
    } catch (error) {
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
        throw new DatasetNameTakenError(input.name, { cause: error });
      }
      throw error;
    }
    return toDataset(row);
  }

  async delete(suffix: string): Promise<boolean> {
    await this.#schema.ready();
    const result = await this.#pool.query(`DELETE FROM ${this.#table} WHERE suffix = $1`, [suffix]);
    return (result.rowCount ?? 0) > 0;
  }

  /** Drops the table: for tests that gave the store a table of their own. */
  async drop(): Promise<void> {
    await this.#pool.query(`DROP TABLE IF EXISTS ${this.#table}`);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
