import type { NormaliseOptions } from '@faultline/core';
import { databaseErrors } from '@faultline/db';
import { authenticate, type Caller } from './credentials.js';
import { DatasetNotFoundError, PermissionDeniedError } from './dataset-errors.js';
import { decodeDatasetId } from './dataset-id.js';
import type { Dataset, NewDataset } from './dataset-store.js';
import { datasetErrorMapper } from './error-mapper.js';
import { openDatasetStore } from './open-dataset-store.js';
import { type DatasetProblems, defineDatasetProblems } from './problems.js';

export interface DatasetServiceOptions {
  /** The SQLite file, or `:memory:`, when there is no `databaseUrl`. */
  readonly databasePath: string;
  /** A PostgreSQL or MariaDB server instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  /** The datasets table's name. */
  readonly databaseTable?: string;
  /** Told once per database connection that failed or went away, with the driver's error. */
  readonly onDatabaseError?: (error: Error) => void;
  /** The base of every problem `type`. */
  readonly problemTypeBase: string;
}

/** Seconds a client should wait while the service is in maintenance. */
export const MAINTENANCE_RETRY_AFTER_S = 120;

/**
 * Everything the Datasets API does, without HTTP: the apps parse requests, call these methods,
 * and send what they return. Checks run in the contract's order: id format, existence,
 * permission, conflict.
 */
export interface DatasetService {
  /** The API's problem catalogue. */
  readonly problems: DatasetProblems;
  /** The options both adapters are registered with: registry, the domain mapper, the challenge. */
  readonly problemOptions: NormaliseOptions;
  /** The caller named by an `Authorization` header value (throws 401 domain errors). */
  authenticate(authorization: string | undefined): Caller;
  list(caller: Caller): Promise<Dataset[]>;
  create(caller: Caller, input: NewDataset): Promise<Dataset>;
  get(caller: Caller, id: string): Promise<Dataset>;
  remove(caller: Caller, id: string): Promise<void>;
  /** A handler bug: a plain `Error` whose message holds a secret. */
  crash(): never;
  /** A failed call to an upstream service. */
  callUpstream(): never;
  /** The service is in maintenance. */
  maintenance(): never;
  /** Closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store and wires the domain to its problems.
 *
 * @example
 * const service = createDatasetService({ databasePath: ':memory:', problemTypeBase });
 * await service.list(service.authenticate('Bearer demo-reader-key')); // []
 */
export function createDatasetService(options: DatasetServiceOptions): DatasetService {
  const problems = defineDatasetProblems(options.problemTypeBase);
  const { ProblemError } = problems;
  const store = openDatasetStore({
    databasePath: options.databasePath,
    databaseUrl: options.databaseUrl,
    ...(options.databaseTable === undefined ? {} : { table: options.databaseTable }),
    ...(options.onDatabaseError === undefined
      ? {}
      : { onConnectionError: options.onDatabaseError }),
  });

  /** A dataset the caller can read; one in another space does not exist for it. */
  async function readable(caller: Caller, id: string) {
    const suffix = decodeDatasetId(id);
    const found = await store.find(suffix);
    if (found === undefined || found.space !== caller.space) throw new DatasetNotFoundError(id);
    return { suffix, dataset: found.dataset };
  }

  return {
    problems,
    problemOptions: {
      registry: problems.registry,
      // The domain's own errors first; then a database that is down or lost a race answers 503.
      mappers: [datasetErrorMapper(ProblemError), databaseErrors()],
      challenge: { realm: 'datasets' },
    },
    authenticate,
    list: (caller) => store.list(caller.space),
    async create(caller, input) {
      if (!caller.permissions.has('create')) throw new PermissionDeniedError('create');
      return store.insert(caller.space, input);
    },
    get: async (caller, id) => (await readable(caller, id)).dataset,
    async remove(caller, id) {
      const { suffix } = await readable(caller, id);
      if (!caller.permissions.has('delete')) throw new PermissionDeniedError('delete');
      await store.delete(suffix);
    },
    crash() {
      throw new Error('connection to postgres://admin:hunter2@db.internal:5432/datasets refused');
    },
    callUpstream() {
      throw new ProblemError('BAD_GATEWAY', {
        detail: 'The catalogue service did not answer.',
        cause: new Error('connect ECONNREFUSED catalogue.internal:443'),
      });
    },
    maintenance() {
      throw new ProblemError('SERVICE_UNAVAILABLE', {
        detail: 'The service is down for maintenance.',
        retryAfter: MAINTENANCE_RETRY_AFTER_S,
      });
    },
    close: () => store.close(),
  };
}
