import type { ProblemError } from '../problem-error.js';
import {
  badFormat,
  failure,
  type LocatedFailure,
  notAllowed,
  OTHER_RULE,
  validationProblemOf,
  wrongType,
} from './failures.js';
import { entries, isObject, lookup, MAX_ENTRIES, read, text } from './reading.js';

/**
 * class-validator's `ValidationError`s (`{ property, constraints, children }`), as
 * `validateOrReject` rejects with them or an application throws what `validate` returned. The
 * constraints' names say which rules failed; their messages (which may quote `$value`), `value`
 * and `target` are not shown.
 */

type Path = readonly (string | number)[];

const types: Readonly<Record<string, string>> = {
  isString: 'string',
  isNumber: 'number',
  isInt: 'integer',
  isBoolean: 'boolean',
  isArray: 'array',
  isObject: 'object',
  isDate: 'date',
};

const formats: Readonly<Record<string, string>> = {
  isEmail: 'email',
  isUrl: 'uri',
  isUUID: 'uuid',
  isISO8601: 'date-time',
  isDateString: 'date-time',
  isIP: 'ip',
  isFQDN: 'hostname',
  isJWT: 'jwt',
  isMongoId: 'objectid',
  isPhoneNumber: 'phone',
};

/** The one failure reported for a property: the most relevant of its failed constraints. */
function failureOf(node: object, path: Path, names: readonly string[]): LocatedFailure {
  if (names.includes('whitelistValidation')) return failure(path, 'additionalProperties');
  // An absent property fails whatever rule it has (unless `@IsOptional`): it is missing.
  if (read(node, 'value') === undefined || names.includes('isDefined'))
    return failure(path, 'required');
  if (names.includes('isNotEmpty')) return failure(path, 'minLength', { limit: 1 });
  const type = names.map((name) => lookup(types, name)).find((found) => found !== undefined);
  if (type !== undefined) return wrongType(path, type);
  if (names.some((name) => name === 'isIn' || name === 'isEnum' || name === 'equals'))
    return notAllowed(path);
  const format = names.map((name) => lookup(formats, name)).find((found) => found !== undefined);
  if (format !== undefined) return badFormat(path, format);
  if (names.includes('matches')) return failure(path, 'pattern');
  return failure(path, OTHER_RULE);
}

function isValidationError(value: unknown): value is object {
  return (
    isObject(value) &&
    typeof read(value, 'property') === 'string' &&
    (isObject(read(value, 'constraints')) || Array.isArray(read(value, 'children')))
  );
}

/** Walks the tree of errors, depth first, visiting at most `MAX_ENTRIES` nodes in all. */
function collect(
  nodes: readonly unknown[],
  path: Path,
  budget: { left: number },
): LocatedFailure[] {
  const found: LocatedFailure[] = [];
  for (const node of nodes) {
    if (budget.left-- <= 0 || path.length >= 32) break;
    if (!isValidationError(node)) continue;
    const here = [...path, text(read(node, 'property')) ?? ''];
    const constraints = read(node, 'constraints');
    if (isObject(constraints)) {
      const names = Object.keys(constraints).slice(0, 32);
      if (names.length > 0) found.push(failureOf(node, here, names));
    }
    found.push(...collect(entries(read(node, 'children')), here, budget));
  }
  return found;
}

export function fromClassValidator(error: object): ProblemError | undefined {
  const list = entries(error);
  if (list.length === 0 || !list.every(isValidationError)) return undefined;
  return validationProblemOf(collect(list, [], { left: MAX_ENTRIES }), error);
}
