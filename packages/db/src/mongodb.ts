import { readProperty } from '@faultline/core/adapter';
import { type Recognised, recognised } from './failure.js';

const unreachable: ReadonlySet<string> = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
]);

/** The top-level names of a duplicate key's index (`{ email: 1 }` → `['email']`). */
function keyPatternFields(error: object): string[] {
  const pattern = readProperty(error, 'keyPattern');
  if (typeof pattern !== 'object' || pattern === null) return [];
  try {
    return Object.keys(pattern);
  } catch {
    return [];
  }
}

/**
 * MongoDB's errors as its Node driver (and Mongoose) throw them: `MongoServerError` and its
 * kin with a numeric `code`, and the network errors of an unreachable server.
 */
export function recogniseMongodb(error: object): Recognised | undefined {
  const name = readProperty(error, 'name');
  if (typeof name !== 'string' || !name.startsWith('Mongo')) return undefined;
  if (unreachable.has(name)) return recognised('unavailable');
  const code = readProperty(error, 'code');
  // keyValue, beside keyPattern, holds the duplicate value itself: it is never read.
  return code === 11000 || code === 11001
    ? recognised('duplicate', keyPatternFields(error))
    : undefined;
}
