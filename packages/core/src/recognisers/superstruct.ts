import type { ProblemError } from '../problem-error.js';
import {
  failure,
  type LocatedFailure,
  notAllowed,
  OTHER_RULE,
  validationProblemOf,
  wrongType,
} from './failures.js';
import { pathOf, read } from './reading.js';

/**
 * Superstruct's `StructError` (`assert`, `create`, `mask`), answered with its first failure: the
 * others are behind a method of the error, and the normaliser calls no method of a thrown value.
 * `type` and `refinement` name the rule; `value` and `message` are not shown.
 */

const plainTypes: ReadonlySet<unknown> = new Set([
  'string',
  'number',
  'integer',
  'bigint',
  'boolean',
  'date',
  'array',
  'object',
  'record',
  'tuple',
]);

function failureOf(error: object): LocatedFailure {
  const path = pathOf(read(error, 'path'));
  const type = read(error, 'type');
  if (read(error, 'refinement') !== undefined) return failure(path, OTHER_RULE);
  // `object()` reports a key it does not know as failing the type `never`.
  if (type === 'never') return failure(path, 'additionalProperties');
  if (read(error, 'value') === undefined) return failure(path, 'required');
  if (type === 'enums' || type === 'literal') return notAllowed(path);
  return plainTypes.has(type)
    ? wrongType(path, type === 'record' ? 'object' : type)
    : failure(path, OTHER_RULE);
}

export function fromSuperstruct(error: object): ProblemError | undefined {
  if (read(error, 'name') !== 'StructError') return undefined;
  if (typeof read(error, 'type') !== 'string' || !Array.isArray(read(error, 'path')))
    return undefined;
  return validationProblemOf([failureOf(error)], error);
}
