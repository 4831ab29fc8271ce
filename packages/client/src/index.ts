export type {
  ApiDescription,
  ErrorCodeOf,
  OpenApiDescription,
  Register,
  RegisteredApi,
} from './api.js';
export { ensureOk } from './ensure-ok.js';
export type { FieldError, Problem } from './problem.js';
export { isProblemResponseError, ProblemResponseError } from './problem-response-error.js';
export { readProblem, readText } from './read-problem.js';
export { type Fetch, type RetryOptions, withRetry } from './retry.js';
