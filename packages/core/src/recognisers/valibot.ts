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
import { entries, isObject, lookup, pathKey, read } from './reading.js';

/**
 * Valibot's `ValiError`, as `parse()` throws it. An issue's `kind` and `type` name the rule and
 * `requirement` its limit; `input`, `received` and `message` describe the value and are not shown
 * (`received` is read only to tell a missing value).
 */

type Path = readonly (string | number)[];

const objectTypes: ReadonlySet<unknown> = new Set([
  'object',
  'strict_object',
  'loose_object',
  'object_with_rest',
]);

const plainTypes: ReadonlySet<unknown> = new Set([
  'string',
  'number',
  'bigint',
  'boolean',
  'date',
  'array',
  'null',
  'object',
  'integer',
]);

const formats: Readonly<Record<string, string>> = {
  email: 'email',
  rfc_email: 'email',
  url: 'uri',
  uuid: 'uuid',
  ip: 'ip',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  iso_date: 'date',
  iso_date_time: 'date-time',
  iso_timestamp: 'date-time',
  iso_time: 'time',
};

/** The keys of an issue's path; its items' `input` and `value` are not read. */
function pathOf(issue: object): (string | number)[] {
  const path: (string | number)[] = [];
  for (const item of entries(read(issue, 'path'), 64)) {
    const key = pathKey(read(item, 'key'));
    if (key === undefined) break;
    path.push(key);
  }
  return path;
}

/** Lengths apply to strings and to arrays alike; what was measured tells which. */
function sized(issue: object, path: Path, least: boolean): LocatedFailure {
  const measured = typeof read(issue, 'input') === 'string';
  const keyword = measured ? (least ? 'minLength' : 'maxLength') : least ? 'minItems' : 'maxItems';
  return bound(path, keyword, read(issue, 'requirement'));
}

function failureOf(issue: unknown): LocatedFailure[] {
  if (!isObject(issue)) return [];
  const path = pathOf(issue);
  const type = read(issue, 'type');
  if (read(issue, 'kind') === 'schema') {
    if (read(issue, 'received') === 'undefined') return [failure(path, 'required')];
    if (objectTypes.has(type) && read(issue, 'expected') === 'never')
      return [failure(path, 'additionalProperties')];
    if (type === 'picklist' || type === 'enum' || type === 'literal') return [notAllowed(path)];
    return [plainTypes.has(type) ? wrongType(path, type) : failure(path, OTHER_RULE)];
  }
  const requirement = read(issue, 'requirement');
  switch (type) {
    case 'min_length':
      return [sized(issue, path, true)];
    case 'max_length':
      return [sized(issue, path, false)];
    case 'non_empty':
      return [failure(path, 'minLength', { limit: 1 })];
    case 'min_value':
      return [bound(path, 'minimum', requirement)];
    case 'max_value':
      return [bound(path, 'maximum', requirement)];
    case 'gt_value':
      return [bound(path, 'exclusiveMinimum', requirement)];
    case 'lt_value':
      return [bound(path, 'exclusiveMaximum', requirement)];
    case 'integer':
      return [wrongType(path, 'integer')];
    case 'regex':
    case 'starts_with':
    case 'ends_with':
    case 'includes':
      return [failure(path, 'pattern')];
    default: {
      const format = lookup(formats, type);
      return [format === undefined ? failure(path, OTHER_RULE) : badFormat(path, format)];
    }
  }
}

export function fromValibot(error: object): ProblemError | undefined {
  if (read(error, 'name') !== 'ValiError') return undefined;
  const issues = read(error, 'issues');
  if (!Array.isArray(issues)) return undefined;
  return validationProblemOf(entries(issues).flatMap(failureOf), error);
}
