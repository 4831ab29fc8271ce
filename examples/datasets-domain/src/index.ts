export {
  apiInfo,
  apiServers,
  apiTags,
  bearerScheme,
  type DatasetOperation,
  datasetOperation,
  datasetOperations,
  type SuccessResponse,
} from './api-operations.js';
export {
  type DatasetsAppOptions,
  type DatasetsConfig,
  type LogLevel,
  logLevels,
  type ResolvedAppOptions,
  readConfig,
  resolveAppOptions,
} from './config.js';
export {
  authenticate,
  type Caller,
  type DemoKey,
  demoKeys,
  type Permission,
} from './credentials.js';
export {
  AuthenticationRequiredError,
  DatasetNameTakenError,
  DatasetNotFoundError,
  InvalidCredentialsError,
  InvalidDatasetIdError,
  PermissionDeniedError,
} from './dataset-errors.js';
export { decodeDatasetId, encodeDatasetId } from './dataset-id.js';
export {
  datasetIdParamsSchema,
  datasetListSchema,
  datasetSchema,
  newDatasetSchema,
  validatorOptions,
} from './dataset-schema.js';
export {
  createDatasetService,
  type DatasetService,
  type DatasetServiceOptions,
  MAINTENANCE_RETRY_AFTER_S,
} from './dataset-service.js';
export type {
  Dataset,
  DatasetStore,
  NewDataset,
  ServerStoreOptions,
  StoredDataset,
  Visibility,
} from './dataset-store.js';
export { datasetErrorMapper } from './error-mapper.js';
export { germanDetail, germanTitles, localizeDatasets } from './german.js';
export { MysqlDatasetStore } from './mysql-dataset-store.js';
export { type DatabaseChoice, databaseKind, openDatasetStore } from './open-dataset-store.js';
export { PostgresDatasetStore } from './postgres-dataset-store.js';
export {
  type DatasetProblems,
  DEFAULT_PROBLEM_TYPE_BASE,
  defineDatasetProblems,
} from './problems.js';
export { productionOptions } from './production-options.js';
export { connectRateLimitRedis, type RateLimitRedis, type RedisLog } from './rate-limit-redis.js';
export { type Listening, runUntilSignalled, urlOf } from './run-until-signalled.js';
export { SqliteDatasetStore } from './sqlite-dataset-store.js';
export { startupBanner } from './startup-banner.js';
