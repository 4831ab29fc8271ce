export { configure, type TestingConfiguration } from './configuration.js';
export type { MatcherContext, MatcherResult } from './matcher-context.js';
export { type ProblemMatcherFunctions, problemMatchers } from './matchers.js';
export { isProblemMediaType, PROBLEM_MEDIA_TYPE } from './media-type.js';
export type {
  ProblemExpectation,
  ProblemMatcherReturn,
  ProblemMatchers,
} from './problem-matchers.js';
