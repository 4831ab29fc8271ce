/*
 * `@faultline/core/adapter`: what an adapter for a web framework needs, and applications do not.
 * Everything here is decided once for every adapter: the flow a failure takes, the headers and
 * log calls of an answer, the wording of what frameworks signal.
 */
export {
  assertKnownOptions,
  type CommonOptions,
  commonOptionNames,
  showValue,
} from './adapter-options.js';
export {
  bodyLengthMismatch,
  bodyTooLarge,
  clientWentAway,
  declaresUtf8,
  forbiddenJsonProperty,
  invalidUtf8Json,
  JSON_MEDIA_TYPES,
  malformedJson,
  malformedUrl,
  methodNotAllowed,
  parserRejection,
  rateLimitBanned,
  rateLimited,
  retrySeconds,
  routeNotFound,
  unsupportedCharset,
  unsupportedMediaType,
} from './framework-problems.js';
export { applyProblemHeaders, type HeaderWriter } from './header-policy.js';
export { allowHeader, wwwAuthenticate } from './headers.js';
export { describeJsonParseError, findJsonSyntaxError, type JsonSyntaxError } from './json-parse.js';
export {
  type LogEntry,
  type LoggerLike,
  type LogLevel,
  type LogOptions,
  logLevels,
  type ProblemLogRecord,
  writeLog,
} from './log-policy.js';
export { UNEXPECTED_ERROR_DETAIL } from './normalise.js';
export { type ProblemClass, problemClassFor } from './problem-class.js';
export {
  type AdapterDefinition,
  createProblemFlow,
  type Outcome,
  type PreparedAnswer,
  type ProblemFlow,
  type RequestFacts,
  type UnmatchedOutcome,
} from './problem-flow.js';
export { rawHttpResponse } from './raw-response.js';
export { readProperty } from './read.js';
export { requestTargetInstance, requestTargetPath } from './request-target.js';
export { withResponseChallenge } from './response-challenge.js';
export { isErrorStatus, reasonPhrase } from './status.js';
export type { TelemetrySpan, TelemetrySpanContext, TraceApi } from './telemetry.js';
export type { TraceIdOption } from './trace-id.js';
export { invalidRequestPart, MAX_VALIDATION_ERRORS } from './validation.js';
