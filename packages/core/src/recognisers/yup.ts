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
import { propertyPath } from './property-path.js';
import { entries, isObject, lookup, read, text } from './reading.js';

/**
 * yup's `ValidationError`: one failed test (`abortEarly`, the default) or, with
 * `abortEarly: false`, each in `inner`. A test's `type` names the rule and `params` its limit;
 * `value`, `errors` and `message` describe the value received and are not shown (the type of
 * `params.value` only tells a length from a range).
 */

type Path = readonly (string | number)[];

const formats: Readonly<Record<string, string>> = {
  email: 'email',
  url: 'uri',
  uuid: 'uuid',
  datetime: 'date-time',
  datetime_offset: 'date-time',
  datetime_precision: 'date-time',
};

/** `min`, `max` and `length` measure strings and arrays; `min` and `max` also bound numbers. */
function measured(
  path: Path,
  params: unknown,
  least: boolean,
  limitName: string,
  exclusive = false,
): LocatedFailure {
  const value = read(params, 'value');
  const limit = read(params, limitName);
  if (typeof value === 'string') return bound(path, least ? 'minLength' : 'maxLength', limit);
  if (Array.isArray(value)) return bound(path, least ? 'minItems' : 'maxItems', limit);
  if (typeof value === 'number') {
    if (exclusive) return bound(path, least ? 'exclusiveMinimum' : 'exclusiveMaximum', limit);
    return bound(path, least ? 'minimum' : 'maximum', limit);
  }
  return failure(path, OTHER_RULE);
}

function failureOf(error: unknown): LocatedFailure[] {
  if (!isObject(error)) return [];
  const path = propertyPath(text(read(error, 'path')) ?? '');
  const params = read(error, 'params');
  const type = read(error, 'type');
  switch (type) {
    case 'required':
    case 'optionality':
    case 'defined':
    case 'nonNullable':
      return [failure(path, 'required')];
    case 'typeError':
      return [wrongType(path, read(params, 'type'))];
    case 'oneOf':
      return [notAllowed(path, entries(read(params, 'resolved'), 21))];
    // `moreThan` and `lessThan` fail as `min` and `max`, with `more` or `less` for a limit.
    case 'min':
      return read(params, 'more') === undefined
        ? [measured(path, params, true, 'min')]
        : [measured(path, params, true, 'more', true)];
    case 'max':
      return read(params, 'less') === undefined
        ? [measured(path, params, false, 'max')]
        : [measured(path, params, false, 'less', true)];
    case 'length':
      return [measured(path, params, true, 'length')];
    case 'integer':
      return [wrongType(path, 'integer')];
    case 'matches':
      return [failure(path, 'pattern')];
    default: {
      const format = lookup(formats, type);
      return [format === undefined ? failure(path, OTHER_RULE) : badFormat(path, format)];
    }
  }
}

export function fromYup(error: object): ProblemError | undefined {
  if (read(error, 'name') !== 'ValidationError' || read(error, 'isJoi') === true) return undefined;
  const inner = read(error, 'inner');
  if (!Array.isArray(inner) || !Object.hasOwn(error, 'params')) return undefined;
  const tests = entries(inner);
  return validationProblemOf(tests.length > 0 ? tests.flatMap(failureOf) : failureOf(error), error);
}
