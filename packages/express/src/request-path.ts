import type { IncomingMessage } from 'node:http';

/** The path of a request target (origin or absolute form), without its query. */
function pathnameOf(url: string): string {
  if (url.startsWith('/')) {
    const end = url.indexOf('?');
    return end === -1 ? url : url.slice(0, end);
  }
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}

/** The path the client asked for, as Express saw it before any mount stripped a prefix. */
export function requestPath(req: IncomingMessage & { originalUrl?: string }): string {
  return pathnameOf(req.originalUrl ?? req.url ?? '/');
}

/** A path made only of what RFC 3986 allows in one: unreserved, sub-delims, `:@/`, `%XX`. */
const uriPath = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/** What a URI path may not hold as it is: any other character, and a `%` not starting `%XX`. */
const notUriPath = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu;

function percentEncode(char: string): string {
  const code = char.codePointAt(0)!;
  // Node reads the request target as Latin-1: each code unit below 0x100 is one original byte.
  if (code < 0x100) return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD
  }
}

/**
 * The request path as a path-absolute URI reference, for `instance`. Node passes the request
 * target through with characters a URI may not hold (`{`, `|`, `\`, a lone `%`); each is
 * percent-encoded. A leading `//` would read as a network-path reference (another host), so the
 * second slash is encoded too.
 *
 * @example uriReferencePath('//a{b}/100%') // '/%2Fa%7Bb%7D/100%25'
 */
function uriReferencePath(path: string): string {
  const encoded = uriPath.test(path) ? path : path.replace(notUriPath, percentEncode);
  return encoded.startsWith('//') ? `/%2F${encoded.slice(2)}` : encoded;
}

/** The request path as the `instance` of its problem. */
export function requestInstance(req: IncomingMessage & { originalUrl?: string }): string {
  return uriReferencePath(requestPath(req));
}
