import { readProperty as read } from '@faultline/core/adapter';
import type { Request } from 'express';

/**
 * The methods an Express app serves at a path, found with the router's own matchers.
 *
 * Express computes nothing like this for an unmatched method, so the router stack is walked and
 * each route layer is asked `layer.match(path)`: the very matcher dispatch uses, so case
 * sensitivity, strict trailing slashes, parameters, regular expressions and arrays of paths all
 * behave as Express does. Mounted routers are entered with the prefix their layer matched.
 * Express 4 (router at `app._router`, `match` returns a boolean and stores `layer.path`) and
 * Express 5 (router at `app.router`, `match` returns `{ path }` from router 2.3, a boolean before)
 * both work. Sub-apps (`app.use('/x', otherApp)`) are opaque to this walk.
 */

/** Deeper nesting than this is a router mounted inside itself. */
const MAX_DEPTH = 32;

/** The app's router: `app._router` in Express 4 (whose `app.router` getter throws), else `app.router`. */
export function routerOf(app: unknown): unknown {
  return read(app, '_router') ?? read(app, 'router');
}

/** `layer.match(path)`, where an undecodable parameter (`%FF`) counts as no match. */
function match(layer: unknown, path: string): unknown {
  const matcher = read(layer, 'match');
  if (typeof matcher !== 'function') return false;
  try {
    return matcher.call(layer, path);
  } catch {
    return false;
  }
}

/** What a walk of the router found at a path. */
interface Found {
  readonly methods: Set<string>;
  /** The methods of routes that match every path (`app.options('*', cors())`). */
  readonly everywhere: Set<string>;
  /** A route of the path takes every method (`.all()`), or a middleware or sub-app may serve it. */
  anyMethod: boolean;
}

function emptyWalk(): Found {
  return { methods: new Set(), everywhere: new Set(), anyMethod: false };
}

/**
 * Whether a route's path matches every path: a lone wildcard, `*` or `/*` on Express 4,
 * `/{*name}`, `/*name` or `*name` on Express 5. Such a route (the preflight route the cors
 * README suggests) says nothing about whether a path exists.
 */
function matchesEveryPath(route: unknown): boolean {
  const path = read(route, 'path');
  return typeof path === 'string' && /^\*[A-Za-z0-9_$]*$/.test(path.replace(/[{}/]/g, ''));
}

/** Middleware that runs after the routes and serves nothing itself: this package's catch-all. */
const notEndpoints = new WeakSet<object>();

/** Marks a middleware that never serves a request itself, so a route lookup skips it. */
export function markNotEndpoint(middleware: object): void {
  notEndpoints.add(middleware);
}

/**
 * Whether a middleware that is not a router may answer requests the walk cannot see: a sub-app,
 * a dispatcher, a function that serves a path itself. Error middleware (four parameters) only
 * runs for errors, and the catch-all is known not to.
 */
function mayServe(handle: unknown): boolean {
  return typeof handle === 'function' && handle.length < 4 && !notEndpoints.has(handle);
}

function collect(stack: readonly unknown[], path: string, found: Found, depth: number): void {
  const { methods } = found;
  if (depth > MAX_DEPTH) return;
  for (const layer of stack) {
    const route = read(layer, 'route');
    if (route !== undefined && route !== null) {
      const served = read(route, 'methods');
      if (typeof served !== 'object' || served === null || !match(layer, path)) continue;
      const into = matchesEveryPath(route) ? found.everywhere : methods;
      for (const [method, on] of Object.entries(served)) {
        // `_all` is `.all()`: it matches every method, so it cannot be what failed here.
        if (on && method !== '_all') into.add(method.toUpperCase());
        else if (on) found.anyMethod = true;
      }
      continue;
    }
    const handle = read(layer, 'handle');
    const inner = read(handle, 'stack');
    if (!Array.isArray(inner)) {
      if (mayServe(handle) && match(layer, path)) found.anyMethod = true;
      continue;
    }
    const matched = match(layer, path);
    if (!matched) continue;
    const prefix = typeof matched === 'object' ? read(matched, 'path') : read(layer, 'path');
    if (typeof prefix !== 'string' || !path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    if (rest !== '' && rest[0] !== '/') continue;
    collect(inner, rest === '' ? '/' : rest, found, depth + 1);
  }
}

function stackOf(router: unknown): readonly unknown[] {
  const stack = read(router, 'stack');
  return Array.isArray(stack) ? stack : [];
}

/**
 * Every method some route serves at `path` (upper case, with HEAD wherever GET is served), or an
 * empty set when no route matches it. Routes that match every path count only where another
 * route matches: alone, they make no path exist.
 */
export function allowedMethods(router: unknown, path: string): Set<string> {
  const walk = emptyWalk();
  collect(stackOf(router), path, walk, 0);
  const { methods } = walk;
  if (methods.size === 0) return methods;
  for (const method of walk.everywhere) methods.add(method);
  if (methods.has('GET')) methods.add('HEAD');
  return methods;
}

/**
 * The path to look up in `req.app`'s router. At the top-level app that is the whole path as the
 * app saw it (so mounting the handlers under a prefix changes nothing); inside a sub-app, the
 * path below the sub-app's mount point.
 */
export function appPath(req: Request): string {
  const parent = (req.app as { parent?: unknown } | undefined)?.parent;
  return parent === undefined ? req.baseUrl + req.path : req.path;
}

/**
 * Whether something after `self` (the body middleware, at the top of the app's stack) may serve
 * this request's method at its path: what decides, before a body is refused, that the request is
 * a 404 or a 405 instead, as on Fastify, which routes first. Only a lookup that is sure says no:
 * a path a sub-app, an `.all()` route or any other middleware after `self` may serve counts as
 * served, and so does every request when `self` is not at the top (inside a router or a route).
 */
export function routeMayServe(req: Request, self: object): boolean {
  let path: string;
  try {
    path = appPath(req);
    decodeURIComponent(path);
  } catch {
    return true;
  }
  const stack = stackOf(routerOf(req.app));
  const at = stack.findIndex((layer) => read(layer, 'handle') === self);
  if (at === -1) return true;
  const walk = emptyWalk();
  collect(stack.slice(at + 1), path, walk, 0);
  if (walk.anyMethod) return true;
  // A route that matches every path serves this one too, with its methods.
  const methods = new Set([...walk.methods, ...walk.everywhere]);
  return methods.has(req.method) || (req.method === 'HEAD' && methods.has('GET'));
}
