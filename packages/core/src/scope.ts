import { showValue } from './adapter-options.js';

/*
 * Where problems answer: the API's paths only (`/api`, `/v2`), so that a web page the same app
 * serves keeps its framework's own 404 and error page.
 */

/**
 * The `scope` option: a path prefix, a list of them, or a function of the request that says
 * whether a problem answers it.
 */
export type ScopeOption<Request> = string | readonly string[] | ((request: Request) => boolean);

/** Whether a request is in scope, by its path (without the query) and the request itself. */
export type Scope<Request> = (path: string, request: Request) => boolean;

/** A prefix is a path: `/` then segments, no query, fragment or trailing slash. */
const prefixPattern = /^\/[^?#\s]*$/;

function prefixMatcher(prefixes: readonly string[]): (path: string) => boolean {
  const bare = prefixes.map((prefix) => (prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix));
  if (bare.includes('/')) return () => true;
  // `/api` covers `/api` and `/api/...`, not `/apis`.
  return (path) =>
    bare.some(
      (prefix) =>
        path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/'),
    );
}

/**
 * Checks the `scope` option and resolves it once; `undefined` when every request is in scope.
 * A function that throws counts the request in (a problem is never the wrong answer to an API).
 */
export function resolveScope<Request>(option: unknown, where: string): Scope<Request> | undefined {
  if (option === undefined) return undefined;
  if (typeof option === 'function') {
    const predicate = option as (request: Request) => unknown;
    return (_path, request) => {
      try {
        return predicate(request) !== false;
      } catch {
        return true;
      }
    };
  }
  const prefixes = typeof option === 'string' ? [option] : option;
  if (
    !Array.isArray(prefixes) ||
    prefixes.length === 0 ||
    !prefixes.every((prefix) => typeof prefix === 'string' && prefixPattern.test(prefix))
  ) {
    throw new TypeError(
      `${where}: option scope must be a path prefix such as '/api', a non-empty list of them, or a function of the request, got ${showValue(option)}`,
    );
  }
  const matches = prefixMatcher(prefixes);
  return (path) => matches(path);
}
