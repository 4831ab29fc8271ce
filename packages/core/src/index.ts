export { type DefaultErrorCode, defaultCatalogue } from './catalogue.js';
export { defineProblems, type Problems, type ProblemsDefinition } from './define-problems.js';
export {
  bodyTooLarge,
  declaresUtf8,
  malformedJson,
  malformedUrl,
  methodNotAllowed,
  parserRejection,
  routeNotFound,
  unsupportedCharset,
  unsupportedMediaType,
} from './framework-problems.js';
export { allowHeader, type ChallengeOptions, wwwAuthenticate } from './headers.js';
export {
  describeJsonParseError,
  findJsonSyntaxError,
  type JsonSyntaxError,
} from './json-parse.js';
export {
  createNormaliser,
  type ErrorMapper,
  type NormaliseContext,
  type NormaliseOptions,
  type Normaliser,
  normalise,
  type ProblemResponse,
  UNEXPECTED_ERROR_DETAIL,
} from './normalise.js';
export {
  PROBLEM_CONTENT_TYPE,
  type ProblemDocument,
  type ProblemExtensions,
} from './problem-document.js';
export {
  isProblemError,
  ProblemError,
  type ProblemErrorClass,
  type ProblemErrorOptions,
  type StackPolicy,
} from './problem-error.js';
export { rawHttpResponse } from './raw-response.js';
export {
  defaultRegistry,
  type ProblemTypeDefinition,
  type Registry,
  type RegistryDefinition,
  type ResolvedCode,
  type ResolvedStatus,
  type TypeUriBuilder,
} from './registry.js';
export { requestTargetInstance, requestTargetPath } from './request-target.js';
export { problemDocumentSchema } from './schema.js';
export { isErrorStatus, reasonPhrase } from './status.js';
export {
  type AjvErrorLike,
  type ValidationErrorEntry,
  type ValidationFailure,
  type ValidationLocation,
  validationProblem,
} from './validation.js';
