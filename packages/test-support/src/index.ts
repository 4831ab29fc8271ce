export { CHROMIUM, describeWithChromium, launchChromium } from './chromium';
export { requireEsmPackage } from './esm-package';
export {
  anyThrown,
  anythingThrown,
  BODY_PARSER_TYPES,
  ERROR_CODES,
  errorLike,
  errorWith,
  HAND_MADE,
  HEADER_INJECTION,
  HUGE_TEXT,
  headerName,
  headerValue,
  LATIN1_HEADER_VALUE,
  MARKER,
  problemErrorThrown,
  type Thrown,
  throwingTraps,
  thrown,
  UNSENDABLE_HEADER_VALUES,
  withThrowingGetters,
} from './hostile-values';
export {
  assertProblemResponse,
  assertValidProblem,
  MAX_DETAIL_LENGTH,
  REPRESENTATION_HEADERS,
  type SeenResponse,
} from './problem-invariants';
export { type ProcessFailure, watchProcessFailures } from './process-failures';
export { surface } from './surface';
export {
  type Ending,
  type Exchange,
  type ExchangeOptions,
  exchange,
  httpRequest,
  listen,
  onlyResponse,
  openConnections,
  portOf,
  readResponses,
  shutdown,
  type WireResponse,
} from './wire';
