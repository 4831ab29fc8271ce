export {
  type Comparable,
  comparable,
  frameworkDifferences,
  scenarioDifferences,
} from './compare.js';
export { documentedOperations, operationsOf } from './document-scenarios.js';
export {
  type DocumentedAnswer,
  documentChecker,
  documentedCodes,
} from './documented-responses.js';
export {
  absent,
  anyString,
  arrayOf,
  datasetId,
  differences,
  type Expected,
  integerString,
  isoTimestamp,
  type Matcher,
  matcher,
  optional,
  traceId,
  varyNaming,
} from './matchers.js';
export { problemSchemaErrors } from './problem-schema.js';
export { contractProblemTypes } from './problem-types.js';
export { PROBLEM_XML_NAMESPACE, readProblemXml } from './problem-xml.js';
export { TRACEPARENT, TRACEPARENT_TRACE_ID } from './production-scenarios.js';
export { describeRequest, type Exchange, runScenario, type Target, toWire } from './run.js';
export type {
  ContractContext,
  ContractKey,
  Expectation,
  RateLimitHeaders,
  Scenario,
  ScenarioRequest,
  Setup,
  SetupResult,
} from './scenario.js';
export { isRawScenario, scenarios } from './scenarios.js';
export {
  expectedProblem,
  JSON_CONTENT_TYPE,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_XML_CONTENT_TYPE,
  verify,
} from './verify.js';
export {
  fetchTransport,
  flattenHeaders,
  parseRawResponse,
  type RawTransport,
  rawTransport,
  type Transport,
  type WireRequest,
  type WireResponse,
} from './wire.js';
