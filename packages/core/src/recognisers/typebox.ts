import type { ProblemError } from '../problem-error.js';
import {
  badFormat,
  bound,
  failure,
  type LocatedFailure,
  notAllowed,
  OTHER_RULE,
  validationProblemOf,
  wrongType,
} from './failures.js';
import { entries, isObject, pointerKeys, read, text } from './reading.js';

/**
 * TypeBox 0.34 (`@sinclair/typebox`): the `ValueError`s of `Value.Errors` and of a compiled
 * checker's `Errors`, thrown as a list, and the `AssertError` (`Value.Assert`, `Value.Parse`) or
 * `TransformDecodeCheckError` (`Decode`) that carries the first of them as `error`. Each names
 * its rule by a number of `ValueErrorType`; the schema that failed gives the rule's limit.
 */

type Path = readonly (string | number)[];

/** `ValueErrorType` of TypeBox 0.34 (0.33 numbers them the same way). */
const types: ReadonlyMap<unknown, (path: Path, schema: unknown) => LocatedFailure> = new Map<
  unknown,
  (path: Path, schema: unknown) => LocatedFailure
>([
  [2, (path, schema) => bound(path, 'maxItems', read(schema, 'maxItems'))],
  [4, (path, schema) => bound(path, 'minItems', read(schema, 'minItems'))],
  [6, (path) => wrongType(path, 'array')],
  [13, (path) => wrongType(path, 'bigint')],
  [14, (path) => wrongType(path, 'boolean')],
  [20, (path) => wrongType(path, 'date')],
  [22, (path, schema) => bound(path, 'exclusiveMaximum', read(schema, 'exclusiveMaximum'))],
  [23, (path, schema) => bound(path, 'exclusiveMinimum', read(schema, 'exclusiveMinimum'))],
  [24, (path, schema) => bound(path, 'maximum', read(schema, 'maximum'))],
  [25, (path, schema) => bound(path, 'minimum', read(schema, 'minimum'))],
  [27, (path) => wrongType(path, 'integer')],
  [32, (path, schema) => notAllowed(path, [read(schema, 'const')])],
  [35, (path) => wrongType(path, 'null')],
  [36, (path, schema) => bound(path, 'exclusiveMaximum', read(schema, 'exclusiveMaximum'))],
  [37, (path, schema) => bound(path, 'exclusiveMinimum', read(schema, 'exclusiveMinimum'))],
  [38, (path, schema) => bound(path, 'maximum', read(schema, 'maximum'))],
  [39, (path, schema) => bound(path, 'minimum', read(schema, 'minimum'))],
  [41, (path) => wrongType(path, 'number')],
  [42, (path) => failure(path, 'additionalProperties')],
  [45, (path) => failure(path, 'required')],
  [46, (path) => wrongType(path, 'object')],
  [49, (path, schema) => badFormat(path, read(schema, 'format'))],
  [50, (path, schema) => badFormat(path, read(schema, 'format'))],
  [51, (path, schema) => bound(path, 'maxLength', read(schema, 'maxLength'))],
  [52, (path, schema) => bound(path, 'minLength', read(schema, 'minLength'))],
  [53, (path) => failure(path, 'pattern')],
  [54, (path) => wrongType(path, 'string')],
  [62, union],
]);

/** A union of literals (`Type.Union([Type.Literal('a'), ...])`, `Type.Enum`) is an enum. */
function union(path: Path, schema: unknown): LocatedFailure {
  const variants = entries(read(schema, 'anyOf'), 21);
  const literals = variants.map((variant) => read(variant, 'const'));
  if (variants.length > 0 && literals.every((value) => value !== undefined))
    return notAllowed(path, literals);
  return failure(path, OTHER_RULE);
}

/** Whether a value is a TypeBox 0.34 `ValueError`: a numeric `type`, a pointer `path`, a `schema`. */
function isValueError(value: unknown): value is object {
  return (
    isObject(value) &&
    typeof read(value, 'type') === 'number' &&
    typeof read(value, 'path') === 'string' &&
    isObject(read(value, 'schema'))
  );
}

function failureOf(error: object): LocatedFailure {
  const path = pointerKeys(text(read(error, 'path')) ?? '');
  const make = types.get(read(error, 'type'));
  return make === undefined ? failure(path, OTHER_RULE) : make(path, read(error, 'schema'));
}

export function fromTypeBox(error: object): ProblemError | undefined {
  // `Value.Errors(...)` or a compiled checker's `Errors(...)`, collected and thrown as a list.
  const list = entries(error);
  if (list.length > 0 && list.every(isValueError)) {
    return validationProblemOf(list.map(failureOf), error);
  }
  // `AssertError` and `TransformDecodeCheckError`: the first failure, as `error`.
  const first = read(error, 'error');
  if (isValueError(first) && read(error, 'message') !== undefined) {
    return validationProblemOf([failureOf(first)], error);
  }
  return undefined;
}
