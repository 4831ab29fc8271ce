import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { DatasetNameTakenError } from './dataset-errors.js';
import { encodeDatasetId } from './dataset-id.js';

export type Visibility = 'private' | 'public';

/** A dataset as the API shows it. */
export interface Dataset {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly visibility: Visibility;
  readonly created_at: string;
}

/** What a caller sends to create a dataset, once validated. */
export interface NewDataset {
  readonly name: string;
  readonly description?: string | undefined;
  readonly visibility?: Visibility | undefined;
}

/** A stored dataset and the space it lives in. */
export interface StoredDataset {
  readonly space: string;
  readonly dataset: Dataset;
}

interface Row {
  suffix: string;
  space: string;
  name: string;
  description: string | null;
  visibility: Visibility;
  created_at: string;
}

const schema = `
  CREATE TABLE IF NOT EXISTS datasets (
    suffix      TEXT PRIMARY KEY,
    space       TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    visibility  TEXT NOT NULL CHECK (visibility IN ('private', 'public')),
    created_at  TEXT NOT NULL,
    UNIQUE (space, name)
  )`;

function toDataset(row: Row): Dataset {
  return {
    id: encodeDatasetId(row.suffix),
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    created_at: row.created_at,
  };
}

/** better-sqlite3 reports a constraint by its extended result code. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * Datasets in SQLite: `:memory:` or a file. Names are unique per space by a UNIQUE constraint,
 * so two concurrent creations cannot both win, and nothing looks a name up before inserting.
 *
 * @example
 * const store = new DatasetStore(':memory:');
 * store.insert('demo', { name: 'sales' }).id; // 'ZGF0YXNldC0…'
 */
export class DatasetStore {
  readonly #db: Database.Database;
  readonly #list: Database.Statement<[string], Row>;
  readonly #find: Database.Statement<[string], Row>;
  readonly #insert: Database.Statement<[Row]>;
  readonly #delete: Database.Statement<[string]>;

  constructor(path: string) {
    this.#db = new Database(path);
    if (path !== ':memory:') this.#db.pragma('journal_mode = WAL');
    this.#db.exec(schema);
    this.#list = this.#db.prepare<[string], Row>(
      'SELECT * FROM datasets WHERE space = ? ORDER BY rowid',
    );
    this.#find = this.#db.prepare<[string], Row>('SELECT * FROM datasets WHERE suffix = ?');
    this.#insert = this.#db.prepare<[Row]>(
      `INSERT INTO datasets (suffix, space, name, description, visibility, created_at)
       VALUES (@suffix, @space, @name, @description, @visibility, @created_at)`,
    );
    this.#delete = this.#db.prepare<[string]>('DELETE FROM datasets WHERE suffix = ?');
  }

  /** Every dataset of `space`, oldest first. */
  list(space: string): Dataset[] {
    return this.#list.all(space).map(toDataset);
  }

  /** The dataset whose id has this suffix, in whichever space it lives. */
  find(suffix: string): StoredDataset | undefined {
    const row = this.#find.get(suffix);
    return row === undefined ? undefined : { space: row.space, dataset: toDataset(row) };
  }

  /**
   * Stores a new dataset in `space`.
   *
   * @throws DatasetNameTakenError when the UNIQUE (space, name) constraint refuses it
   */
  insert(space: string, input: NewDataset): Dataset {
    const row: Row = {
      suffix: randomUUID(),
      space,
      name: input.name,
      description: input.description ?? null,
      visibility: input.visibility ?? 'private',
      created_at: new Date().toISOString(),
    };
    try {
      this.#insert.run(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DatasetNameTakenError(input.name, { cause: error });
      throw error;
    }
    return toDataset(row);
  }

  /** Removes the dataset; whether there was one. */
  delete(suffix: string): boolean {
    return this.#delete.run(suffix).changes > 0;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
