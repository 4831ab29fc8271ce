export { databaseErrors } from './database-errors.js';
export type { DatabaseErrorsOptions, ExposeFields, RetryAfterOptions } from './options.js';
