import { AuthenticationRequiredError, InvalidCredentialsError } from './dataset-errors.js';

/** What a caller may do in its space. */
export type Permission = 'read' | 'create' | 'delete';

/** An authenticated caller: who it is, its space, and what it may do there. */
export interface Caller {
  /** A stable name for the credential (never the key itself): logs and rate-limit buckets use it. */
  readonly credential: string;
  readonly space: string;
  readonly permissions: ReadonlySet<Permission>;
}

/** The built-in keys; a real service would look keys up in a secret store. */
export const demoKeys = {
  'demo-admin-key': { credential: 'demo-admin', space: 'demo', may: ['read', 'create', 'delete'] },
  'demo-reader-key': { credential: 'demo-reader', space: 'demo', may: ['read'] },
  'other-space-key': {
    credential: 'other-admin',
    space: 'other',
    may: ['read', 'create', 'delete'],
  },
} as const satisfies Record<
  string,
  { credential: string; space: string; may: readonly Permission[] }
>;

export type DemoKey = keyof typeof demoKeys;

const callers = new Map<string, Caller>(
  Object.entries(demoKeys).map(([key, entry]) => [
    key,
    { credential: entry.credential, space: entry.space, permissions: new Set(entry.may) },
  ]),
);

/** RFC 6750 §2.1: `Bearer` (any case), one or more spaces, a token68. */
const bearer = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The caller named by an `Authorization` header value.
 *
 * @example authenticate('Bearer demo-reader-key').space // 'demo'
 * @throws AuthenticationRequiredError without credentials or with another scheme
 * @throws InvalidCredentialsError for a key that is not known
 */
export function authenticate(authorization: string | undefined): Caller {
  const match = authorization === undefined ? null : bearer.exec(authorization);
  if (match === null) throw new AuthenticationRequiredError();
  const caller = callers.get(match[1]!);
  if (caller === undefined) throw new InvalidCredentialsError();
  return caller;
}
