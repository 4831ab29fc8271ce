import { readProperty } from '@faultline/core/adapter';

/** How deep a chain of `cause`s is followed: wrappers rarely nest more than two or three deep. */
export const MAX_CAUSE_DEPTH = 8;

/** One error of a chain, and whether only database wrappers stand between it and the throw. */
export interface Link {
  readonly error: object;
  /** Thrown as it is, or wrapped only by a database library (Drizzle's query error). */
  readonly direct: boolean;
}

/**
 * Drizzle wraps every driver error in a `DrizzleQueryError` whose `cause` is the driver's: an
 * error named plain `Error`, known by its message (`Failed query: …`) and its `query`.
 */
function isDatabaseWrapper(error: object): boolean {
  const message = readProperty(error, 'message');
  return (
    typeof message === 'string' &&
    message.startsWith('Failed query: ') &&
    typeof readProperty(error, 'query') === 'string'
  );
}

/**
 * The thrown value and its `cause`s, outermost first: at most `MAX_CAUSE_DEPTH` of them, each
 * once (a cycle ends the walk), objects only. Properties are read so that a throwing getter or a
 * hostile Proxy reads as nothing.
 */
export function causeChain(thrown: unknown): Link[] {
  const links: Link[] = [];
  const seen = new Set<unknown>();
  let current: unknown = thrown;
  let direct = true;
  while (
    links.length < MAX_CAUSE_DEPTH &&
    (typeof current === 'object' || typeof current === 'function') &&
    current !== null &&
    !seen.has(current)
  ) {
    seen.add(current);
    links.push({ error: current, direct });
    direct = direct && isDatabaseWrapper(current);
    current = readProperty(current, 'cause');
  }
  return links;
}
