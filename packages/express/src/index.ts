export { asyncHandler, wrapAsyncRoutes } from './async.js';
export { type ProblemJsonOptions, problemJson } from './body.js';
export { type ClientErrorSource, problemClientErrors } from './client-errors.js';
export type { ProblemLogger, ProblemLogRecord } from './logger.js';
export type { ErrorMiddleware, Middleware } from './middleware-types.js';
export type { ProblemHandlerOptions } from './options.js';
export { problemHandlers } from './problem-handlers.js';
export { type ProblemResponseOptions, problemResponse } from './problem-response.js';
export { type RateLimitOptionsLike, rateLimitExceeded } from './rate-limit.js';
