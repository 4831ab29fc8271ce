import type { ErrorMapper } from '@faultline/core';
import { isProblemError } from '@faultline/core';
import { isErrorStatus, readProperty } from '@faultline/core/adapter';
import { causeChain } from './cause-chain.js';
import type { Recognised } from './failure.js';
import { recogniseMongodb } from './mongodb.js';
import { recogniseMysql } from './mysql.js';
import { recogniseNetwork } from './network.js';
import { type DatabaseErrorsOptions, resolveOptions } from './options.js';
import { recognisePostgres } from './postgres.js';
import { recognisePrisma } from './prisma.js';
import { problemFor } from './problem.js';
import { recogniseSqlite } from './sqlite.js';

const recognisers: readonly ((error: object) => Recognised | undefined)[] = [
  recognisePrisma,
  recognisePostgres,
  recogniseMysql,
  recogniseSqlite,
  recogniseMongodb,
];

/** An error someone already answered: a `ProblemError`, a Boom, an error with an HTTP status. */
function alreadyDecided(error: object): boolean {
  return (
    isProblemError(error) ||
    readProperty(error, 'isBoom') === true ||
    isErrorStatus(readProperty(error, 'status')) ||
    isErrorStatus(readProperty(error, 'statusCode'))
  );
}

/** The first database error of a thrown value's `cause` chain, outermost first. */
function recognise(thrown: unknown): Recognised | undefined {
  for (const { error, direct } of causeChain(thrown)) {
    if (alreadyDecided(error)) return undefined;
    for (const recogniser of recognisers) {
      const found = recogniser(error);
      if (found !== undefined) return found;
    }
    // A network error below an application's or an HTTP client's wrapper (fetch's
    // `TypeError: fetch failed`) may be any server's: only a driver's own throw is the database's.
    if (direct) {
      const found = recogniseNetwork(error);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * An error mapper for the adapters' `mappers` option: database errors become problems (a unique
 * violation a 409, a missing required column a 422, a deadlock or an unreachable database a 503
 * with `Retry-After`), whatever the driver, and also wrapped by Drizzle, Kysely or the
 * application in `cause`s. Anything else is passed on (`undefined`).
 *
 * The problem never carries the value, the constraint, the SQL, a host or a port; it names a
 * field only when `exposeFields` allows it. Options are checked here, once.
 *
 * @example
 * app.use(problemHandlers({ mappers: [databaseErrors({ exposeFields: ['email', 'name'] })] }));
 */
export function databaseErrors(options: DatabaseErrorsOptions = {}): ErrorMapper {
  const resolved = resolveOptions(options);
  return function databaseErrorMapper(error: unknown) {
    const found = recognise(error);
    return found === undefined ? undefined : problemFor(found, error, resolved);
  };
}
