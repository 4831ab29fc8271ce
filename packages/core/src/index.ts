export { type DefaultErrorCode, defaultCatalogue } from './catalogue.js';
export { defineProblems, type Problems, type ProblemsDefinition } from './define-problems.js';
export type { ChallengeOptions } from './headers.js';
export type { LocalizableProblem, Localize, LocalizedTexts } from './localization.js';
export {
  createNormaliser,
  type ErrorMapper,
  type NormaliseContext,
  type NormaliseOptions,
  type Normaliser,
  normalise,
  type ProblemResponse,
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
export {
  defaultSensitiveFields,
  pinoRedactPaths,
  REDACTED,
  type RedactOption,
} from './redaction.js';
export type { Register, RegisteredCode } from './register.js';
export {
  type CodeDefinition,
  defaultRegistry,
  type ProblemDocumentation,
  type ProblemTypeDefinition,
  type ProblemTypeDescription,
  type Registry,
  type RegistryDefinition,
  type ResolvedCode,
  type ResolvedDocumentation,
  type ResolvedProblemType,
  type ResolvedStatus,
  type TypeUriBuilder,
} from './registry.js';
export { problemDocumentSchema } from './schema.js';
export {
  type AjvErrorLike,
  type ValidationErrorEntry,
  type ValidationFailure,
  type ValidationLocation,
  validationProblem,
} from './validation.js';
