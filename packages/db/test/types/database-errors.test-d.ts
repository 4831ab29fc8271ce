// Compiled by `pnpm typecheck` (tsc), never run: a line that should not compile must not.
import type { ErrorMapper } from '@faultline/core';
import { type DatabaseErrorsOptions, databaseErrors } from '@faultline/db';
import { problemHandlers } from '@faultline/express';

// The mapper is an ErrorMapper, and the adapters take it as one.
const mapper: ErrorMapper = databaseErrors();
problemHandlers({ mappers: [mapper, databaseErrors({ exposeFields: ['email'] })] });

// exposeFields: a list of columns, or a function from a column and its table to a name.
databaseErrors({ exposeFields: ['email', 'name'] });
databaseErrors({
  exposeFields: (column: string, table: string | undefined) =>
    table === 'users' && column === 'email_address' ? 'email' : undefined,
});
// @ts-expect-error: a list of names, not one name
databaseErrors({ exposeFields: 'email' });
// @ts-expect-error: the function gives a name or undefined, not a yes or no
databaseErrors({ exposeFields: (column: string) => column === 'email' });

const options: DatabaseErrorsOptions = { retryAfter: { contention: 2, unavailable: 30 } };
databaseErrors(options);
// @ts-expect-error: Retry-After is per kind of 503, in an object
databaseErrors({ retryAfter: 5 });
// @ts-expect-error: seconds are numbers
databaseErrors({ retryAfter: { contention: '2' } });
// @ts-expect-error: an unknown option does not compile (and throws at run time)
databaseErrors({ exposeField: ['email'] });
