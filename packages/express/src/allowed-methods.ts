import { read } from './read.js';

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

function collect(router: unknown, path: string, methods: Set<string>, depth: number): void {
  const stack = read(router, 'stack');
  if (!Array.isArray(stack) || depth > MAX_DEPTH) return;
  for (const layer of stack) {
    const route = read(layer, 'route');
    if (route !== undefined && route !== null) {
      const served = read(route, 'methods');
      if (typeof served !== 'object' || served === null || !match(layer, path)) continue;
      for (const [method, on] of Object.entries(served)) {
        // `_all` is `.all()`: it matches every method, so it cannot be what failed here.
        if (on && method !== '_all') methods.add(method.toUpperCase());
      }
      continue;
    }
    const handle = read(layer, 'handle');
    if (!Array.isArray(read(handle, 'stack'))) continue;
    const matched = match(layer, path);
    if (!matched) continue;
    const prefix = typeof matched === 'object' ? read(matched, 'path') : read(layer, 'path');
    if (typeof prefix !== 'string' || !path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    if (rest !== '' && rest[0] !== '/') continue;
    collect(handle, rest === '' ? '/' : rest, methods, depth + 1);
  }
}

/**
 * Every method some route serves at `path` (upper case, with HEAD wherever GET is served), or an
 * empty set when no route matches it.
 */
export function allowedMethods(router: unknown, path: string): Set<string> {
  const methods = new Set<string>();
  collect(router, path, methods, 0);
  if (methods.has('GET')) methods.add('HEAD');
  return methods;
}
