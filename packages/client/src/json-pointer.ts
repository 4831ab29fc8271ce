/** RFC 6901 §3: `""` or a sequence of `/`-prefixed tokens where `~` is only `~0` or `~1`. */
const pointerSyntax = /^(?:\/(?:[^~/]|~[01])*)*$/;
/** RFC 6901 §6 with RFC 3986's fragment: pchar, `/` and `?`, anything else percent-encoded. */
const fragmentSyntax = /^#(?:[\w\-.~!$&'()*+,;=:@/?]|%[\dA-Fa-f]{2})*$/;

/**
 * A JSON Pointer in its string form (`/items/0/name`), from either that form or the URI
 * fragment form (`#/items/0/name`); `undefined` for anything that is not a valid pointer.
 */
export function jsonPointer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let pointer = value;
  if (pointer[0] === '#') {
    if (!fragmentSyntax.test(pointer)) return undefined;
    try {
      pointer = decodeURIComponent(pointer.slice(1));
    } catch {
      return undefined; // percent-encoded bytes that are not UTF-8
    }
  }
  return pointerSyntax.test(pointer) ? pointer : undefined;
}
