/*
 * The request path as an `instance`, for adapters that name each problem by the URL it answers.
 * An HTTP/1 server hands the request target over as it arrived, one character per byte (Node
 * reads it as Latin-1), with characters a URI may not hold still in it.
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

/** A path made only of what RFC 3986 §3.3 allows in one: unreserved, sub-delims, `:@/`, `%XX`. */
const uriPath = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/** What a URI path may not hold as it is: any other character, and a `%` not starting `%XX`. */
const notUriPath = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu;

function percentEncodeByte(character: string): string {
  const code = character.codePointAt(0) ?? 0xfffd;
  // Below 0x100 a character is one byte of the original target.
  if (code < 0x100) return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
  try {
    return encodeURIComponent(character);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD
  }
}

/**
 * The path of a request target as a path-absolute URI reference, for `instance` (RFC 9457
 * §3.1.5): the query dropped, every character a path may not hold percent-encoded (`{`, `|`, a
 * backslash, `#`, a lone `%`, raw bytes), and the second slash of a leading `//` encoded, which
 * would otherwise name another host.
 *
 * @example requestTargetInstance('//a{b}/100%?q=1') // '/%2Fa%7Bb%7D/100%25'
 */
export function requestTargetInstance(target: string): string {
  const path = requestTargetPath(target);
  const encoded = uriPath.test(path) ? path : path.replace(notUriPath, percentEncodeByte);
  return encoded.startsWith('//') ? `/%2F${encoded.slice(2)}` : encoded;
}
