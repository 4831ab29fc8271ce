import type { ProblemError } from '../problem-error.js';
import type { ValidationLocation } from '../validation.js';
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
import { entries, isObject, lookup, pathOf, read, text } from './reading.js';

/**
 * Joi's `ValidationError` (`isJoi`, `details`), from `schema.validate()`, `Joi.assert` or
 * `Joi.attempt`. Each detail's `type` names the rule; `context.value` and `_original` hold what
 * was received and are never read.
 */

type Path = readonly (string | number)[];

const baseTypes: ReadonlySet<string> = new Set([
  'string',
  'number',
  'boolean',
  'object',
  'array',
  'date',
  'binary',
]);

const formats: Readonly<Record<string, string>> = {
  'string.email': 'email',
  'string.uri': 'uri',
  'string.guid': 'uuid',
  'string.isoDate': 'date-time',
  'string.isoDuration': 'duration',
  'string.hostname': 'hostname',
  'string.domain': 'hostname',
  'string.ip': 'ip',
  'string.ipVersion': 'ip',
  'string.dataUri': 'data-uri',
};

const patterns: ReadonlySet<string> = new Set([
  'string.pattern.base',
  'string.pattern.name',
  'string.pattern.invert.base',
  'string.pattern.invert.name',
  'string.alphanum',
  'string.token',
  'string.hex',
  'string.base64',
  'string.lowercase',
  'string.uppercase',
  'string.trim',
]);

function rule(type: string, context: unknown, path: Path, location: ValidationLocation) {
  const limit = read(context, 'limit');
  switch (type) {
    case 'any.required':
      return failure(path, 'required', undefined, location);
    case 'any.only':
      return notAllowed(path, entries(read(context, 'valids'), 21), location);
    case 'string.empty':
      // An empty string where a value is required counts as missing, as `minLength: 1` does.
      return failure(path, 'minLength', { limit: 1 }, location);
    case 'number.integer':
      return wrongType(path, 'integer', location);
    case 'string.min':
    case 'string.length':
      return bound(path, 'minLength', limit, location);
    case 'string.max':
      return bound(path, 'maxLength', limit, location);
    case 'array.min':
    case 'array.length':
      return bound(path, 'minItems', limit, location);
    case 'array.max':
      return bound(path, 'maxItems', limit, location);
    case 'number.min':
      return bound(path, 'minimum', limit, location);
    case 'number.max':
      return bound(path, 'maximum', limit, location);
    case 'number.greater':
      return bound(path, 'exclusiveMinimum', limit, location);
    case 'number.less':
      return bound(path, 'exclusiveMaximum', limit, location);
    case 'object.unknown':
      return failure(path, 'additionalProperties', undefined, location);
    default:
      break;
  }
  const format = lookup(formats, type);
  if (format !== undefined) return badFormat(path, format, location);
  if (patterns.has(type)) return failure(path, 'pattern', undefined, location);
  const [base, name] = type.split('.');
  if (name === 'base' && base !== undefined && baseTypes.has(base))
    return wrongType(path, base, location);
  return failure(path, OTHER_RULE, undefined, location);
}

/**
 * The failures of one Joi `ValidationError`, at `location` and under `prefix` (celebrate
 * validates each part of the request with its own schema).
 */
export function joiFailures(
  error: unknown,
  location: ValidationLocation = 'body',
  prefix: Path = [],
): LocatedFailure[] {
  return entries(read(error, 'details')).flatMap((detail) => {
    if (!isObject(detail)) return [];
    const type = text(read(detail, 'type')) ?? '';
    const path = [...prefix, ...pathOf(read(detail, 'path'))];
    return [rule(type, read(detail, 'context'), path, location)];
  });
}

export function fromJoi(error: object): ProblemError | undefined {
  if (read(error, 'isJoi') !== true || !Array.isArray(read(error, 'details'))) return undefined;
  return validationProblemOf(joiFailures(error), error);
}
