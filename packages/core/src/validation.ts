import type { DefaultErrorCode } from './catalogue.js';
import { ProblemError } from './problem-error.js';

/** Where a failing value was: the request body, or a path, query or header parameter. */
export type ValidationLocation = 'body' | 'params' | 'querystring' | 'headers';

/** One failed rule, in a validator-neutral form. */
export interface ValidationFailure {
  /** Where the value is: a JSON Pointer (`/profile/name` or `#/profile/name`) or a list of keys. */
  readonly pointer?: string;
  readonly path?: readonly (string | number)[];
  /** The rule that failed, in JSON Schema's words: `required`, `type`, `enum`, `maxLength`, ... */
  readonly keyword: string;
  /** The rule's parameters (`{ limit: 100 }`, `{ allowedValues: [...] }`), as Ajv reports them. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** The part of Ajv's `ErrorObject` the mapping reads; Ajv's errors can be passed as they are. */
export interface AjvErrorLike {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One entry of the `errors` extension (RFC 9457 §3's example). */
export interface ValidationErrorEntry {
  readonly detail: string;
  /** JSON Pointer in URI-fragment form (RFC 6901 §6), `#/name`. */
  readonly pointer: string;
  /** Absent for the body; else where the parameter is. */
  readonly in?: 'path' | 'query' | 'header';
}

interface Failure {
  readonly segments: readonly string[];
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

const locationNames = { params: 'path', querystring: 'query', headers: 'header' } as const;

function safelyDecoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function decodePointer(pointer: string): string[] {
  const path = pointer.startsWith('#') ? safelyDecoded(pointer.slice(1)) : pointer;
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A lone surrogate cannot be percent-encoded: it becomes U+FFFD, as a UTF-8 decoder would read it. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function encodePointer(segments: readonly string[]): string {
  const encoded = segments.map((segment) =>
    encodeURIComponent(
      segment.replace(loneSurrogate, '\ufffd').replace(/~/g, '~0').replace(/\//g, '~1'),
    ).replace(/%24/g, '$'),
  );
  return `#${encoded.map((segment) => `/${segment}`).join('')}`;
}

function toFailure(input: ValidationFailure | AjvErrorLike): Failure {
  const params = input.params ?? {};
  let segments: string[];
  if ('instancePath' in input) segments = decodePointer(input.instancePath);
  else if (input.path !== undefined) segments = input.path.map(String);
  else segments = decodePointer(input.pointer ?? '');
  // Ajv reports a missing or forbidden property at its parent; the pointer should name the property.
  const property = params.missingProperty ?? params.additionalProperty;
  if (typeof property === 'string') segments = [...segments, property];
  return { segments, keyword: input.keyword, params };
}

/**
 * TypeBox 1 reports every missing (or forbidden) property of an object in one failure, as
 * `params.requiredProperties` (`additionalProperties`): one failure per property, each with the
 * property's pointer, as Ajv's `missingProperty` gives.
 */
function toFailures(input: ValidationFailure | AjvErrorLike): Failure[] {
  const failure = toFailure(input);
  const { params } = failure;
  const listed = params.requiredProperties ?? params.additionalProperties;
  const names = Array.isArray(listed)
    ? listed.slice(0, MAX_VALIDATION_ERRORS).filter((name) => typeof name === 'string')
    : [];
  if (names.length === 0) return [failure];
  const { requiredProperties: _, additionalProperties: __, ...rest } = params;
  return names.map((name: string) => ({
    segments: [...failure.segments, name],
    keyword: failure.keyword,
    params: rest,
  }));
}

/** An empty string where a value is required counts as missing. */
function isEmptyRequired({ keyword, params }: Failure): boolean {
  return keyword === 'minLength' && params.limit === 1;
}

function codeOf(failure: Failure, location: ValidationLocation): DefaultErrorCode {
  if (location === 'params') return 'INVALID_ID';
  if (failure.keyword === 'type') return 'VALIDATION_ERROR';
  if (failure.keyword === 'required' || isEmptyRequired(failure)) return 'MISSING_REQUIRED_FIELD';
  if (failure.keyword === 'enum' || failure.keyword === 'const') return 'INVALID_ENUM_VALUE';
  return 'INVALID_FIELD_VALUE';
}

/** Most relevant first (RFC 9457 §3): a malformed request before a missing field before a bad value. */
const precedence: readonly DefaultErrorCode[] = [
  'INVALID_ID',
  'VALIDATION_ERROR',
  'MISSING_REQUIRED_FIELD',
  'INVALID_ENUM_VALUE',
  'INVALID_FIELD_VALUE',
];

const wholeNames: Record<ValidationLocation, string> = {
  body: 'The request body',
  params: 'The path',
  querystring: 'The query string',
  headers: 'The request headers',
};

function subject(failure: Failure, location: ValidationLocation): string {
  if (failure.segments.length === 0) return wholeNames[location];
  const kind = location === 'body' ? 'field' : 'parameter';
  return `The '${failure.segments.join('.')}' ${kind}`;
}

function quoteValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

/** Says which rule failed; never repeats the value received (it may be a secret). */
function describe(failure: Failure, location: ValidationLocation): string {
  const who = subject(failure, location);
  const { params } = failure;
  const limit = String(params.limit);
  switch (failure.keyword) {
    case 'required':
      return `${who} is required.`;
    case 'type':
      return `${who} must be of type ${String(params.type)}.`;
    case 'enum':
      return Array.isArray(params.allowedValues)
        ? `${who} must be one of ${params.allowedValues.map(quoteValue).join(', ')}.`
        : `${who} must be one of the allowed values.`;
    case 'const':
      return `${who} must be ${quoteValue(params.allowedValue)}.`;
    case 'minLength':
      return params.limit === 1
        ? `${who} must not be empty.`
        : `${who} must be at least ${limit} characters long.`;
    case 'maxLength':
      return `${who} must be at most ${limit} characters long.`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${who} must be ${String(params.comparison ?? '')} ${limit}.`.replace('  ', ' ');
    case 'minItems':
      return `${who} must have at least ${limit} items.`;
    case 'maxItems':
      return `${who} must have at most ${limit} items.`;
    case 'format':
      return `${who} must be a valid ${String(params.format)}.`;
    case 'pattern':
      return `${who} does not match the expected pattern.`;
    case 'additionalProperties':
      return `${who} is not allowed.`;
    default:
      return `${who} is invalid.`;
  }
}

/** The most failures one problem lists in `errors`; Ajv stops far sooner unless `allErrors` is on. */
export const MAX_VALIDATION_ERRORS = 100;

/**
 * A part of the request a validator refused without saying which rule failed (a custom
 * validator's own error, whose message is not ours to show): 400, `INVALID_ID` for the path.
 */
export function invalidRequestPart(location: ValidationLocation): ProblemError {
  return new ProblemError(location === 'params' ? 'INVALID_ID' : 'VALIDATION_ERROR', {
    detail: `${wholeNames[location]} is invalid.`,
    captureStack: false,
  });
}

/**
 * Many validation failures → one problem: the most relevant failure sets the code and the
 * `detail`, and every failure (the first 100) is listed in the `errors` extension with a JSON
 * Pointer.
 * Accepts Ajv's `ErrorObject[]` as it is, or a neutral list.
 *
 * @example throw validationProblem(validate.errors ?? [])
 */
export function validationProblem(
  failures: readonly (ValidationFailure | AjvErrorLike)[],
  location: ValidationLocation = 'body',
): ProblemError {
  const normalised = failures
    .slice(0, MAX_VALIDATION_ERRORS)
    .flatMap(toFailures)
    .slice(0, MAX_VALIDATION_ERRORS);
  const where = location === 'body' ? undefined : locationNames[location];
  const errors: ValidationErrorEntry[] = normalised.map((failure) => ({
    detail: describe(failure, location),
    pointer: encodePointer(failure.segments),
    ...(where === undefined ? {} : { in: where }),
  }));
  let primary = 0;
  let primaryCode: DefaultErrorCode = 'VALIDATION_ERROR';
  normalised.forEach((failure, index) => {
    const code = codeOf(failure, location);
    if (index === 0 || precedence.indexOf(code) < precedence.indexOf(primaryCode)) {
      primary = index;
      primaryCode = code;
    }
  });
  // An expected client error, sometimes in floods: its stack would be most of its cost.
  return new ProblemError(primaryCode, {
    detail: errors[primary]?.detail ?? 'The request is invalid.',
    extensions: { errors },
    captureStack: false,
  });
}
