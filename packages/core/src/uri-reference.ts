/*
 * `instance` must be a URI reference (RFC 9457 §3.1.5), and applications often build it from
 * what a client sent (`/datasets/${name}`). Rather than refuse such a value, and turn a 404 into a
 * 500, the characters a URI cannot hold are percent-encoded.
 */

/**
 * What a URI reference cannot hold as it is: a `%` that starts no `%XX`, a second `#`, and any
 * character outside RFC 3986's unreserved and reserved sets (`[` and `]` included: they belong
 * only around an IPv6 host, which no `instance` needs).
 */
const notInUriReference = /%(?![0-9A-Fa-f]{2})|#|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu;

/** `scheme://authority`, or a bare `//authority`, at the start of a reference. */
const authorityPrefix = /^((?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/)([^/?#]*)/;

/** A character as its UTF-8 bytes, percent-encoded (a lone surrogate as U+FFFD's). */
export function percentEncode(character: string): string {
  try {
    return encodeURIComponent(character);
  } catch {
    return '%EF%BF%BD';
  }
}

/**
 * An authority as RFC 3986 §3.2 reads it: one `@` ending the userinfo (earlier ones encoded), and
 * a `:` in the host only before a numeric port (others encoded).
 */
function asAuthority(authority: string): string {
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : `${authority.slice(0, at).replaceAll('@', '%40')}@`;
  const hostPort = authority.slice(at + 1);
  const colon = hostPort.lastIndexOf(':');
  if (colon === -1) return `${userinfo}${hostPort}`;
  const port = hostPort.slice(colon + 1);
  const host = hostPort.slice(0, colon).replaceAll(':', '%3A');
  return /^\d*$/.test(port) ? `${userinfo}${host}:${port}` : `${userinfo}${host}%3A${port}`;
}

/**
 * `value` as a URI reference: unchanged when it is one, otherwise with what a URI cannot hold
 * percent-encoded as UTF-8 (spaces, quotes, `{`, `|`, non-ASCII, a lone `%`, a second `#`), and
 * an authority's stray `@` and `:` encoded.
 *
 * @example asUriReference('/datasets/my report "Q1"') // '/datasets/my%20report%20%22Q1%22'
 */
export function asUriReference(value: string): string {
  let fragment = false;
  let encoded = value.replace(notInUriReference, (match) => {
    if (match !== '#') return percentEncode(match);
    if (fragment) return '%23';
    fragment = true;
    return '#';
  });
  const authority = authorityPrefix.exec(encoded);
  if (authority !== null) {
    const [whole, prefix, hostPart] = authority as unknown as [string, string, string];
    const fixed = asAuthority(hostPart);
    if (fixed !== hostPart) encoded = `${prefix}${fixed}${encoded.slice(whole.length)}`;
  }
  return encoded;
}
