import type { ProblemError } from '../problem-error.js';
import { failure, type LocatedFailure, OTHER_RULE, validationProblemOf } from './failures.js';
import { requestLocation } from './locations.js';
import { propertyPath } from './property-path.js';
import { entries, isObject, read, text } from './reading.js';

/**
 * express-validator's `validationResult(req).throw()`: an Error whose `errors` lists what failed.
 * It does not say which rule failed (its `msg` is the application's text, often built from the
 * value), so a field that is absent is missing and any other is invalid.
 */

const entryTypes: ReadonlySet<unknown> = new Set([
  'field',
  'alternative',
  'alternative_grouped',
  'unknown_fields',
]);

function located(entry: object, keyword: (entry: object) => string): LocatedFailure[] {
  const where = requestLocation(read(entry, 'location'));
  const path = text(read(entry, 'path'));
  if (where === undefined || path === undefined) return [];
  return [
    failure([...where.prefix, ...propertyPath(path)], keyword(entry), undefined, where.location),
  ];
}

/** Absent (`value` undefined): missing; present: invalid, whatever rule it broke. */
function fieldRule(entry: object): string {
  return read(entry, 'value') === undefined ? 'required' : OTHER_RULE;
}

function failuresOf(entry: unknown): LocatedFailure[] {
  if (!isObject(entry)) return [];
  switch (read(entry, 'type')) {
    case 'field':
      return located(entry, fieldRule);
    case 'unknown_fields':
      return entries(read(entry, 'fields')).flatMap((field) =>
        isObject(field) ? located(field, () => 'additionalProperties') : [],
      );
    case 'alternative':
      // `oneOf`: every alternative failed; each of their failures is listed.
      return entries(read(entry, 'nestedErrors')).flatMap(failuresOf);
    case 'alternative_grouped':
      return entries(read(entry, 'nestedErrors'), 10)
        .flatMap((group) => entries(group, 10))
        .flatMap(failuresOf);
    default:
      return [];
  }
}

export function fromExpressValidator(error: object): ProblemError | undefined {
  const list = entries(read(error, 'errors'));
  if (list.length === 0) return undefined;
  const recognised = list.every(
    (entry) =>
      isObject(entry) && entryTypes.has(read(entry, 'type')) && read(entry, 'msg') !== undefined,
  );
  if (!recognised) return undefined;
  return validationProblemOf(list.flatMap(failuresOf), error);
}
