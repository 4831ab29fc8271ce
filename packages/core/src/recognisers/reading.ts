import { readProperty } from '../read.js';

/**
 * Safe reading of what a validation library put on its error. A thrown value may be anything (a
 * Proxy whose every trap throws, a getter that throws, an array of length 2^32-1, a cycle): these
 * helpers read only what they are asked, a bounded number of times, and never throw.
 */

export const read = readProperty;

/** The most entries read from any one list, and the most nodes visited in any one error. */
export const MAX_ENTRIES = 100;

/** The first `max` entries of an array, each read safely; anything else is an empty list. */
export function entries(value: unknown, max: number = MAX_ENTRIES): unknown[] {
  try {
    if (!Array.isArray(value)) return [];
  } catch {
    // A revoked Proxy: `Array.isArray` throws.
    return [];
  }
  const length = read(value, 'length');
  const count = typeof length === 'number' ? Math.min(length, max) : 0;
  const list: unknown[] = [];
  for (let index = 0; index < count; index++) list.push(read(value, index));
  return list;
}

export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A limit of a rule (a length, a bound): a finite number, or a BigInt shown as digits. */
export function limitOf(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** A key of a path: strings and integers as they are; anything else ends the path. */
export function pathKey(value: unknown): string | number | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return undefined;
}

/** A path given as a list of keys, up to its first key that is not a string or an integer. */
export function pathOf(value: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  for (const item of entries(value, 64)) {
    const key = pathKey(item);
    if (key === undefined) break;
    path.push(key);
  }
  return path;
}

/** A JSON Pointer (`/a/b~1c`) as its keys. */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '' || !pointer.startsWith('/')) return [];
  return pointer
    .slice(1)
    .split('/')
    .slice(0, 64)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `table[key]` for the table's own keys only (`constructor` is not a key of every table). */
export function lookup<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
