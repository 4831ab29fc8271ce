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
import { entries, isObject, pathOf, read, text } from './reading.js';

/**
 * zod's `ZodError` (v3 and v4, `zod/mini` too), as `schema.parse()` throws it. Issue codes are
 * read, never messages: zod 3's enum message quotes the value received.
 */

type Path = readonly (string | number)[];

/**
 * Whether an `invalid_type` issue is about a value that is not there. zod 3 says so in
 * `received`; zod 4 keeps the input only with `reportInput`, and otherwise says it in the
 * message of its default locale.
 */
function isMissing(issue: object): boolean {
  if (read(issue, 'received') === 'undefined') return true;
  if (Object.hasOwn(issue, 'input')) return read(issue, 'input') === undefined;
  const message = text(read(issue, 'message'));
  return (
    read(issue, 'received') === undefined &&
    message !== undefined &&
    /received undefined$/.test(message)
  );
}

/** A union no branch of which had a value: the value is missing (not "invalid"). */
function unionOfMissing(issue: object, path: Path): boolean {
  // zod 4: `errors`, each branch's issues with paths relative to the union.
  const branches4 = entries(read(issue, 'errors'), 20);
  // zod 3: `unionErrors`, each a ZodError whose issues have full paths.
  const branches3 = entries(read(issue, 'unionErrors'), 20).map((branch) => read(branch, 'issues'));
  const relative = branches4.length > 0;
  const branches = relative ? branches4 : branches3;
  if (branches.length === 0) return false;
  return branches.every((branch) =>
    entries(branch, 20).some((inner) => {
      if (!isObject(inner) || read(inner, 'code') !== 'invalid_type') return false;
      const at = pathOf(read(inner, 'path'));
      const same = relative ? at.length === 0 : at.join('\u0000') === path.join('\u0000');
      return same && isMissing(inner);
    }),
  );
}

function sized(issue: object, path: Path, least: boolean): LocatedFailure {
  const origin = read(issue, 'origin') ?? read(issue, 'type');
  const limit = read(issue, least ? 'minimum' : 'maximum');
  if (origin === 'string') return bound(path, least ? 'minLength' : 'maxLength', limit);
  if (origin === 'array' || origin === 'set')
    return bound(path, least ? 'minItems' : 'maxItems', limit);
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    const inclusive = read(issue, 'inclusive') !== false;
    const keyword = least
      ? inclusive
        ? 'minimum'
        : 'exclusiveMinimum'
      : inclusive
        ? 'maximum'
        : 'exclusiveMaximum';
    return bound(path, keyword, limit);
  }
  return failure(path, OTHER_RULE);
}

function failuresOf(issue: unknown): LocatedFailure[] {
  if (!isObject(issue)) return [];
  const path = pathOf(read(issue, 'path'));
  switch (read(issue, 'code')) {
    case 'invalid_type':
      return [
        isMissing(issue) ? failure(path, 'required') : wrongType(path, read(issue, 'expected')),
      ];
    case 'invalid_enum_value':
      return [notAllowed(path, entries(read(issue, 'options'), 21))];
    case 'invalid_literal':
      return [notAllowed(path, [read(issue, 'expected')])];
    case 'invalid_value':
      return [notAllowed(path, entries(read(issue, 'values'), 21))];
    case 'too_small':
      return [sized(issue, path, true)];
    case 'too_big':
      return [sized(issue, path, false)];
    case 'invalid_string': {
      const validation = read(issue, 'validation');
      return [badFormat(path, typeof validation === 'string' ? validation : 'regex')];
    }
    case 'invalid_format':
      return [badFormat(path, read(issue, 'format'))];
    case 'invalid_date':
      return [wrongType(path, 'date')];
    case 'unrecognized_keys':
      return entries(read(issue, 'keys'))
        .filter((key): key is string => typeof key === 'string')
        .map((key) => failure([...path, key], 'additionalProperties'));
    case 'invalid_union':
      return [failure(path, unionOfMissing(issue, path) ? 'required' : OTHER_RULE)];
    default:
      return [failure(path, OTHER_RULE)];
  }
}

export function fromZod(error: object): ProblemError | undefined {
  const name = read(error, 'name');
  if (name !== 'ZodError' && name !== '$ZodError') return undefined;
  const issues = read(error, 'issues');
  if (!Array.isArray(issues)) return undefined;
  return validationProblemOf(entries(issues).flatMap(failuresOf), error);
}
