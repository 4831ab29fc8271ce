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
export { newDatasetSchema, validatorOptions } from './dataset-schema.js';
export {
  createDatasetService,
  type DatasetService,
  type DatasetServiceOptions,
  MAINTENANCE_RETRY_AFTER_S,
} from './dataset-service.js';
export {
  type Dataset,
  DatasetStore,
  type NewDataset,
  type StoredDataset,
  type Visibility,
} from './dataset-store.js';
export { datasetErrorMapper } from './error-mapper.js';
export {
  type DatasetProblems,
  DEFAULT_PROBLEM_TYPE_BASE,
  defineDatasetProblems,
} from './problems.js';
export { type Listening, runUntilSignalled, urlOf } from './run-until-signalled.js';
export { startupBanner } from './startup-banner.js';
