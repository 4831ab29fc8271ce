import type { DefaultErrorCode } from '../catalogue.js';
import { ProblemError } from '../problem-error.js';
import {
  type ValidationErrorEntry,
  type ValidationLocation,
  validationProblem,
} from '../validation.js';
import { limitOf, MAX_ENTRIES } from './reading.js';

/**
 * One failed rule reported by a validation library, in the words of `validationProblem` (JSON
 * Schema's keywords), with where it was. Details are written from the keyword and its
 * parameters only: never from a library's message, which often quotes the value received.
 */
export interface LocatedFailure {
  readonly location: ValidationLocation;
  readonly path: readonly (string | number)[];
  readonly keyword: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A rule no JSON Schema keyword names: "is invalid", `INVALID_FIELD_VALUE`. */
export const OTHER_RULE = 'invalid';

export function failure(
  path: readonly (string | number)[],
  keyword: string,
  params?: Readonly<Record<string, unknown>>,
  location: ValidationLocation = 'body',
): LocatedFailure {
  return params === undefined ? { location, path, keyword } : { location, path, keyword, params };
}

/** The allowed values of an enum, when they are few and plain enough to list. */
function listable(values: readonly unknown[]): unknown[] | undefined {
  if (values.length === 0 || values.length > 20) return undefined;
  const plain = values.every(
    (value) =>
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= 100),
  );
  return plain ? [...values] : undefined;
}

/** Not one of the allowed values; the values are listed when the schema gives a short list. */
export function notAllowed(
  path: readonly (string | number)[],
  values: readonly unknown[] = [],
  location?: ValidationLocation,
): LocatedFailure {
  const allowed = listable(values);
  if (allowed?.length === 1) return failure(path, 'const', { allowedValue: allowed[0] }, location);
  return failure(path, 'enum', allowed === undefined ? {} : { allowedValues: allowed }, location);
}

/** A wrong type, named when the library names it in one plain word. */
export function wrongType(
  path: readonly (string | number)[],
  type: unknown,
  location?: ValidationLocation,
): LocatedFailure {
  return typeof type === 'string' && /^[a-z][a-z0-9]{0,15}$/i.test(type)
    ? failure(path, 'type', { type: type.toLowerCase() }, location)
    : failure(path, OTHER_RULE, undefined, location);
}

/** A length, count or range rule with its limit; without a usable limit, "is invalid". */
export function bound(
  path: readonly (string | number)[],
  keyword:
    | 'minLength'
    | 'maxLength'
    | 'minItems'
    | 'maxItems'
    | 'minimum'
    | 'maximum'
    | 'exclusiveMinimum'
    | 'exclusiveMaximum',
  limit: unknown,
  location?: ValidationLocation,
): LocatedFailure {
  const value = limitOf(limit);
  if (value === undefined) return failure(path, OTHER_RULE, undefined, location);
  const comparison = {
    minimum: '>=',
    maximum: '<=',
    exclusiveMinimum: '>',
    exclusiveMaximum: '<',
  } as Record<string, string>;
  const compared = comparison[keyword];
  return failure(
    path,
    keyword,
    compared === undefined ? { limit: value } : { limit: value, comparison: compared },
    location,
  );
}

/** Formats that are really patterns (a prefix, a case) get the pattern's wording. */
const patternLike = new Set([
  'regex',
  'starts_with',
  'ends_with',
  'includes',
  'lowercase',
  'uppercase',
  'startsWith',
  'endsWith',
]);

/** A format rule (`email`, `uuid`, ...), named when the name is a plain word. */
export function badFormat(
  path: readonly (string | number)[],
  format: unknown,
  location?: ValidationLocation,
): LocatedFailure {
  if (typeof format !== 'string' || patternLike.has(format))
    return failure(path, 'pattern', undefined, location);
  return /^[a-z][a-z0-9-]{0,23}$/i.test(format)
    ? failure(path, 'format', { format: format === 'url' ? 'uri' : format }, location)
    : failure(path, OTHER_RULE, undefined, location);
}

/** Most relevant first, as `validationProblem` ranks them. */
const precedence: readonly string[] = [
  'INVALID_ID',
  'VALIDATION_ERROR',
  'MISSING_REQUIRED_FIELD',
  'INVALID_ENUM_VALUE',
  'INVALID_FIELD_VALUE',
];

function rank(code: string): number {
  const index = precedence.indexOf(code);
  return index === -1 ? precedence.length : index;
}

/** One failure per rule and place; a missing value is only reported missing. */
function deduplicated(failures: readonly LocatedFailure[]): LocatedFailure[] {
  const place = (entry: LocatedFailure) => `${entry.location}\u0000${entry.path.join('\u0000')}`;
  const missing = new Set(
    failures.filter((entry) => entry.keyword === 'required').map((entry) => place(entry)),
  );
  const seen = new Set<string>();
  return failures.filter((entry) => {
    if (entry.keyword !== 'required' && missing.has(place(entry))) return false;
    const key = `${place(entry)}\u0000${entry.keyword}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The library's failures as one validation problem (the registry's `errors: [{ detail,
 * pointer }]`): each location's failures through `validationProblem`, then the most relevant
 * failure of all sets the code and the detail. With no failure that can be read, the request is
 * invalid: 400.
 */
export function validationProblemOf(
  failures: readonly LocatedFailure[],
  cause: unknown,
): ProblemError {
  const kept = deduplicated(failures).slice(0, MAX_ENTRIES);
  const locations = [...new Set(kept.map((entry) => entry.location))];
  if (locations.length === 0) {
    return new ProblemError('VALIDATION_ERROR', {
      detail: 'The request is invalid.',
      cause,
      captureStack: false,
    });
  }
  const parts = locations.map((location) =>
    validationProblem(
      kept.filter((entry) => entry.location === location),
      location,
    ),
  );
  let primary = parts[0] as ProblemError;
  for (const part of parts) if (rank(part.code) < rank(primary.code)) primary = part;
  const errors = parts.flatMap(
    (part) => (part.extensions?.errors ?? []) as readonly ValidationErrorEntry[],
  );
  return new ProblemError(primary.code as DefaultErrorCode, {
    ...(primary.detail === undefined ? {} : { detail: primary.detail }),
    extensions: { errors },
    cause,
    captureStack: false,
  });
}
