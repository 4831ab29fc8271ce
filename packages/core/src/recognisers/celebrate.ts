import type { ProblemError } from '../problem-error.js';
import { type LocatedFailure, validationProblemOf } from './failures.js';
import { joiFailures } from './joi.js';
import { requestLocation } from './locations.js';
import { read } from './reading.js';

/**
 * celebrate's `CelebrateError`: `details` maps each part of the request it validated (`body`,
 * `query`, `params`, `headers`, `cookies`, `signedCookies`) to Joi's `ValidationError`.
 */
export function fromCelebrate(error: object): ProblemError | undefined {
  const details = read(error, 'details');
  if (!(details instanceof Map)) return undefined;
  const failures: LocatedFailure[] = [];
  let parts = 0;
  let recognised = 0;
  // The map's own entries, not whatever iterator a subclass defines.
  for (const [segment, joiError] of Map.prototype.entries.call(details)) {
    // A request has six parts: a longer map is not celebrate's.
    if (++parts > 6) break;
    const where = requestLocation(segment);
    if (where === undefined || read(joiError, 'isJoi') !== true) continue;
    recognised++;
    failures.push(...joiFailures(joiError, where.location, where.prefix));
  }
  if (recognised === 0) return undefined;
  return validationProblemOf(failures, error);
}
