export { type ClientError, problemClientErrorHandler } from './client-errors.js';
export { problemFrameworkErrors } from './framework-errors.js';
export type { FaultlineJsonOptions, FaultlineLogLevel, FaultlineOptions } from './options.js';
export { type FaultlineDecorator, faultline } from './plugin.js';
export { type RateLimitContext, rateLimitErrorResponseBuilder } from './rate-limit.js';
