import mysql from 'mysql2/promise';
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

const DUPLICATE_ENTRY = 1062;

/**
 * Datasets in MariaDB or MySQL through a `mysql2` pool. Like the PostgreSQL store, the table is
 * created on first use and the pool reconnects by itself once the server is back.
 *
 * @example const store = new MysqlDatasetStore('mysql://root@127.0.0.1:3306/test');
 */
export class MysqlDatasetStore implements DatasetStore {
  readonly #pool: mysql.Pool;
  readonly #table: string;
  readonly #schema: SchemaOnce;
  #closed = false;

  constructor(uri: string, options: ServerStoreOptions = {}) {
    this.#table = options.table ?? 'datasets';
    this.#pool = mysql.createPool({ uri, connectTimeout: 10_000, connectionLimit: 10 });
    // The pool's own connections report a server that went away here; see PostgresDatasetStore.
    this.#pool.on('connection', (connection) => {
      connection.on('error', (error: Error) => options.onConnectionError?.(error));
    });
    this.#schema = new SchemaOnce(() =>
      this.#pool.query(`
        CREATE TABLE IF NOT EXISTS ${this.#table} (
          seq         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          suffix      CHAR(36) NOT NULL UNIQUE,
          space       VARCHAR(64) NOT NULL,
          name        VARCHAR(100) NOT NULL,
          description TEXT,
          visibility  VARCHAR(7) NOT NULL CHECK (visibility IN ('private', 'public')),
          created_at  CHAR(24) NOT NULL,
          UNIQUE (space, name)
        ) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`),
    );
  }

  async #rows(sql: string, values: (string | null)[]): Promise<DatasetRow[]> {
    await this.#schema.ready();
    const [rows] = await this.#pool.execute<(DatasetRow & mysql.RowDataPacket)[]>(sql, values);
    return rows;
  }

  async list(space: string): Promise<Dataset[]> {
    const rows = await this.#rows(
      `SELECT ${datasetColumns} FROM ${this.#table} WHERE space = ? ORDER BY seq`,
      [space],
    );
    return rows.map(toDataset);
  }

  async find(suffix: string): Promise<StoredDataset | undefined> {
    const [row] = await this.#rows(
      `SELECT ${datasetColumns} FROM ${this.#table} WHERE suffix = ?`,
      [suffix],
    );
    return row === undefined ? undefined : { space: row.space, dataset: toDataset(row) };
  }

  async insert(space: string, input: NewDataset): Promise<Dataset> {
    const row = newDatasetRow(space, input);
    await this.#schema.ready();
    try {
      await this.#pool.execute(
        `INSERT INTO ${this.#table} (${datasetColumns}) VALUES (?, ?, ?, ?, ?, ?)`,
        datasetValues(row),
      );
    } catch (error) {
      if ((error as { errno?: unknown }).errno === DUPLICATE_ENTRY) {
        throw new DatasetNameTakenError(input.name, { cause: error });
      }
      throw error;
    }
    return toDataset(row);
  }

  async delete(suffix: string): Promise<boolean> {
    await this.#schema.ready();
    const [result] = await this.#pool.execute<mysql.ResultSetHeader>(
      `DELETE FROM ${this.#table} WHERE suffix = ?`,
      [suffix],
    );
    return result.affectedRows > 0;
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
