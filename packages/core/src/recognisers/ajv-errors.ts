import type { ProblemError } from '../problem-error.js';
import {
  badFormat,
  bound,
  failure,
  type LocatedFailure,
  notAllowed,
  OTHER_RULE,
  validationProblemOf,
} from './failures.js';
import { entries, isObject, pointerKeys, read, text } from './reading.js';

/**
 * Errors in Ajv's shape (`{ keyword, instancePath, params }`) thrown by a library: TypeBox 1.x's
 * `AssertError` and `ParseError` (`Value.Assert`, `Value.Parse`, a compiled validator's `Parse`),
 * which carry them as `cause.errors`; Ajv's own `ValidationError` (`ajv: true`) from an async
 * schema; and such a list thrown as it is (`Value.Errors(...)`, `validate.errors`).
 */

interface Entry {
  readonly keys: readonly string[];
  readonly keyword: string;
  readonly params: object;
  /** The failing schema is an object's `additionalProperties`. */
  readonly additional: boolean;
}

function entryOf(value: unknown): Entry | undefined {
  if (!isObject(value)) return undefined;
  const keyword = text(read(value, 'keyword'));
  const instancePath = text(read(value, 'instancePath'));
  if (keyword === undefined || instancePath === undefined) return undefined;
  const params = read(value, 'params');
  const schemaPath = text(read(value, 'schemaPath')) ?? '';
  return {
    keys: pointerKeys(instancePath),
    keyword,
    params: isObject(params) ? params : {},
    additional: schemaPath.endsWith('/additionalProperties'),
  };
}

/** The properties a rule of an object names, one (Ajv) or a list (TypeBox 1.x). */
function properties(params: object, one: string, many: string): string[] {
  const single = read(params, one);
  if (typeof single === 'string') return [single];
  return entries(read(params, many)).filter((item): item is string => typeof item === 'string');
}

const bounds: ReadonlySet<string> = new Set([
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

type Bound = Parameters<typeof bound>[1];

function typeOf(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const names = entries(value, 8).filter((name): name is string => typeof name === 'string');
  return names.join(' or ');
}

function failuresOf(entry: Entry, all: readonly Entry[]): LocatedFailure[] {
  const { keys, keyword, params } = entry;
  const here = keys.join('/');
  const atHere = all.filter((other) => other !== entry && other.keys.join('/') === here);
  // A branch of a union is reported by the union itself.
  if (keyword !== 'anyOf' && atHere.some((other) => other.keyword === 'anyOf')) return [];
  switch (keyword) {
    // Ajv says `missingProperty`; TypeBox 1.x lists `requiredProperties`.
    case 'required':
      return properties(params, 'missingProperty', 'requiredProperties').map((name) =>
        failure([...keys, name], 'required'),
      );
    case 'additionalProperties':
      return properties(params, 'additionalProperty', 'additionalProperties').map((name) =>
        failure([...keys, name], 'additionalProperties'),
      );
    // A `false` schema: TypeBox's way of refusing additional properties (reported at the
    // property, and sometimes by its object too: the duplicate is dropped).
    case 'boolean':
      return [failure(keys, entry.additional ? 'additionalProperties' : OTHER_RULE)];
    case 'type': {
      const type = typeOf(read(params, 'type'));
      return [
        typeof type === 'string' ? failure(keys, 'type', { type }) : failure(keys, OTHER_RULE),
      ];
    }
    case 'enum':
      return [notAllowed(keys, entries(read(params, 'allowedValues'), 21))];
    case 'const':
      return [notAllowed(keys, [read(params, 'allowedValue')])];
    case 'format':
      return [badFormat(keys, read(params, 'format'))];
    case 'anyOf':
      // Each branch of a union of constants failed: the value is not one of them.
      if (atHere.length > 0 && atHere.every((other) => other.keyword === 'const')) {
        return [
          notAllowed(
            keys,
            atHere.map((other) => read(other.params, 'allowedValue')),
          ),
        ];
      }
      return [failure(keys, 'anyOf')];
    default:
      if (bounds.has(keyword)) return [bound(keys, keyword as Bound, read(params, 'limit'))];
      return [failure(keys, /^[A-Za-z]{1,32}$/.test(keyword) ? keyword : OTHER_RULE)];
  }
}

function problemOf(list: readonly unknown[], cause: unknown): ProblemError | undefined {
  if (list.length === 0) return undefined;
  const all = list.map(entryOf);
  if (!all.every((entry): entry is Entry => entry !== undefined)) return undefined;
  return validationProblemOf(
    all.flatMap((entry) => failuresOf(entry, all)),
    cause,
  );
}

export function fromAjvErrors(error: object): ProblemError | undefined {
  const direct = entries(error);
  if (direct.length > 0) return problemOf(direct, error);
  if (read(error, 'ajv') === true) return problemOf(entries(read(error, 'errors')), error);
  const cause = read(error, 'cause');
  if (isObject(cause) && typeof read(cause, 'source') === 'string') {
    return problemOf(entries(read(cause, 'errors')), error);
  }
  return undefined;
}
