import type { ValidationLocation } from '../validation.js';

/**
 * Where a request value was, from the names Express middleware uses (`req.body`, `req.query`,
 * `req.params`, `req.headers`, `req.cookies`). Cookies travel in the `Cookie` header: their
 * failures are reported as header failures under `cookie`.
 */
export function requestLocation(
  name: unknown,
): { readonly location: ValidationLocation; readonly prefix: readonly string[] } | undefined {
  switch (name) {
    case 'body':
      return { location: 'body', prefix: [] };
    case 'query':
      return { location: 'querystring', prefix: [] };
    case 'params':
      return { location: 'params', prefix: [] };
    case 'headers':
      return { location: 'headers', prefix: [] };
    case 'cookies':
    case 'signedCookies':
      return { location: 'headers', prefix: ['cookie'] };
    default:
      return undefined;
  }
}
