import { percentEncode } from './uri-reference.js';

/*
 * The request path as an `instance`, for adapters that name each problem by the URL it answers.
 * Node's parser lets characters a URI may not hold through (`{`, `|`, `"`, a lone `%`), and an
 * application that rewrites the URL may put any Unicode in it.
 */

/** `scheme://authority` at the start of an absolute-form target (a request to a proxy). */
const absoluteFormPrefix = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * The path of a request target, origin form (`/a/b?q`) or absolute form
 * (`http://host/a/b?q`), without its query.
 *
 * @example requestTargetPath('http://api.example.com/datasets?page=2') // '/datasets'
 */
export function requestTargetPath(target: string): string {
  let path = target;
  if (!path.startsWith('/')) {
    const prefix = absoluteFormPrefix.exec(path);
    path = prefix === null ? '/' : path.slice(prefix[0].length) || '/';
    if (!path.startsWith('/')) path = `/${path}`;
  }
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/**
 * What a URI path may not hold as it is (RFC 3986 §3.3 allows unreserved, sub-delims, `:@/` and
 * `%XX`): any other character, and a `%` not starting `%XX`.
 */
const notUriPath = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu;

/**
 * The path of a request target as a path-absolute URI reference, for `instance` (RFC 9457
 * §3.1.5): the query dropped, every character a path may not hold percent-encoded as UTF-8
 * (`{`, `|`, a backslash, `#`, a lone `%`, non-ASCII), and the second slash of a leading `//`
 * encoded, which would otherwise name another host.
 *
 * @example requestTargetInstance('//a{b}/100%?q=1') // '/%2Fa%7Bb%7D/100%25'
 */
export function requestTargetInstance(target: string): string {
  const path = requestTargetPath(target);
  const encoded = path.replace(notUriPath, percentEncode);
  return encoded.startsWith('//') ? `/%2F${encoded.slice(2)}` : encoded;
}
