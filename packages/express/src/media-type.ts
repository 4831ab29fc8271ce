import type { IncomingMessage } from 'node:http';

/** RFC 9110 `token` less `*`, which a pattern holds only as a wildcard, matched apart. */
const token = /^[!#$%&'+.^_`|~0-9A-Za-z-]+$/;

/** Decides whether a request's Content-Type is one of a list of media type patterns. */
export type MediaTypeMatcher = (contentType: string | undefined) => boolean;

interface Pattern {
  readonly type: string;
  /** `*` for any subtype; `*+json` is held as a suffix instead. */
  readonly subtype: string;
  readonly suffix: string | undefined;
}

function parsePattern(pattern: string, where: string): Pattern {
  const slash = pattern.indexOf('/');
  const type = pattern.slice(0, slash).toLowerCase();
  const subtype = pattern.slice(slash + 1).toLowerCase();
  const plus = subtype.startsWith('*+') ? subtype.slice(2) : undefined;
  const valid =
    slash > 0 &&
    (type === '*' || token.test(type)) &&
    (subtype === '*' || (plus !== undefined ? token.test(plus) : token.test(subtype)));
  if (!valid) {
    throw new TypeError(
      `${where}: option type holds ${JSON.stringify(pattern)}; each entry must be a media type such as "application/json", "application/*+json" or "text/*"`,
    );
  }
  return { type, subtype, suffix: plus };
}

/** The media type's essence, `type/subtype` in lower case, or `undefined` for a malformed value. */
function essenceOf(contentType: string): string | undefined {
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon))
    .trim()
    .toLowerCase();
  const slash = essence.indexOf('/');
  if (slash <= 0 || slash === essence.length - 1) return undefined;
  return essence;
}

/**
 * Compiles media type patterns once into a matcher. Parameters (`; charset=utf-8`) never affect
 * a match; `*` stands for any type or subtype and `*+json` for any subtype with that suffix.
 */
export function mediaTypeMatcher(patterns: readonly string[], where: string): MediaTypeMatcher {
  const exact = new Set<string>();
  const wildcards: Pattern[] = [];
  for (const raw of patterns) {
    if (typeof raw !== 'string') {
      throw new TypeError(`${where}: option type must hold strings, got ${typeof raw}`);
    }
    const pattern = parsePattern(raw.trim(), where);
    if (pattern.type !== '*' && pattern.subtype !== '*' && pattern.suffix === undefined) {
      exact.add(`${pattern.type}/${pattern.subtype}`);
    } else {
      wildcards.push(pattern);
    }
  }

  return function matches(contentType) {
    if (contentType === undefined) return false;
    const essence = essenceOf(contentType);
    if (essence === undefined) return false;
    if (exact.has(essence)) return true;
    if (wildcards.length === 0) return false;
    const slash = essence.indexOf('/');
    const type = essence.slice(0, slash);
    const subtype = essence.slice(slash + 1);
    return wildcards.some(
      (pattern) =>
        (pattern.type === '*' || pattern.type === type) &&
        (pattern.subtype === '*' ||
          (pattern.suffix !== undefined && subtype.endsWith(`+${pattern.suffix}`))),
    );
  };
}

/** Whether a request carries a body: a non-zero Content-Length, or any Transfer-Encoding. */
export function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) !== 0;
}
