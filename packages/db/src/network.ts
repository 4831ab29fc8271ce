import { readProperty } from '@faultline/core/adapter';
import { type Recognised, recognised } from './failure.js';

/** Node's codes for a server that cannot be reached, or that dropped the connection. */
const networkCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * A Node network error (`connect ECONNREFUSED …`: a `code` and the `syscall` that failed), or
 * the `AggregateError` Node throws when every address of a host refused. Which server it was is
 * not in the error's shape: the caller only asks this of errors a database driver threw.
 */
export function recogniseNetwork(error: object): Recognised | undefined {
  const code = readProperty(error, 'code');
  if (typeof code !== 'string' || !networkCodes.has(code)) return undefined;
  const fromSocket =
    typeof readProperty(error, 'syscall') === 'string' ||
    readProperty(error, 'name') === 'AggregateError';
  return fromSocket ? recognised('unavailable') : undefined;
}
