import { randomUUID } from 'node:crypto';
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

/**
 * Where datasets live. Names are unique per space by a database constraint, so two concurrent
 * creations cannot both win, and nothing looks a name up before inserting. An unreachable
 * database rejects with the driver's own error, which the problem mappers answer as a 503.
 */
export interface DatasetStore {
  /** Every dataset of `space`, oldest first. */
  list(space: string): Promise<Dataset[]>;
  /** The dataset whose id has this suffix, in whichever space it lives. */
  find(suffix: string): Promise<StoredDataset | undefined>;
  /**
   * Stores a new dataset in `space`.
   *
   * @throws DatasetNameTakenError when the unique (space, name) constraint refuses it
   */
  insert(space: string, input: NewDataset): Promise<Dataset>;
  /** Removes the dataset; whether there was one. */
  delete(suffix: string): Promise<boolean>;
  /** Releases the connection or file; idempotent. */
  close(): Promise<void>;
}

/** A dataset as every store keeps it: the id's suffix, its space, and what the API shows. */
export interface DatasetRow {
  suffix: string;
  space: string;
  name: string;
  description: string | null;
  visibility: Visibility;
  created_at: string;
}

/** The row a new dataset is stored as: a fresh suffix, the defaults filled in. */
export function newDatasetRow(space: string, input: NewDataset): DatasetRow {
  return {
    suffix: randomUUID(),
    space,
    name: input.name,
    description: input.description ?? null,
    visibility: input.visibility ?? 'private',
    created_at: new Date().toISOString(),
  };
}

export function toDataset(row: DatasetRow): Dataset {
  return {
    id: encodeDatasetId(row.suffix),
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    created_at: row.created_at,
  };
}

/** The columns every store selects and inserts, in the order `DatasetRow` names them. */
export const datasetColumns = 'suffix, space, name, description, visibility, created_at';

/** A row's values in the order of `datasetColumns`, for a driver's positional parameters. */
export function datasetValues(row: DatasetRow): (string | null)[] {
  return [row.suffix, row.space, row.name, row.description, row.visibility, row.created_at];
}

/** Options shared by the server-backed stores. */
export interface ServerStoreOptions {
  /** The table's name (a plain identifier); tests give each run its own. */
  readonly table?: string;
  /** Told once per failed connection, with the driver's error (which names host and port). */
  readonly onConnectionError?: (error: Error) => void;
}
