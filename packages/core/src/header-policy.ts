/*
 * Which headers a problem response carries when it replaces a response the application had
 * begun: decided here, once, so Express and Fastify answer alike.
 */

/**
 * Headers that describe the representation the application meant to send, or how to validate
 * it: wrong for the problem that replaces it (a `Content-Encoding: gzip` would make the problem
 * unreadable). They are dropped from the response, and never taken from a foreign error.
 */
export const representationHeaders: ReadonlySet<string> = new Set([
  'content-encoding',
  'content-language',
  'content-length',
  'content-range',
  'content-disposition',
  'content-location',
  'content-md5',
  'content-digest',
  'repr-digest',
  'digest',
  'etag',
  'last-modified',
  'transfer-encoding',
]);

/**
 * Headers the application's own value beats the problem's: a challenge it chose (`Basic
 * realm="legacy"`), the `Retry-After` its rate limiter computed. The problem sets them only
 * where none is set. Every other header of the problem (its media type, a 405's `Allow`, a
 * 415's `Accept`, a 429's `Cache-Control: no-store`) replaces the application's.
 */
const yieldingHeaders: ReadonlySet<string> = new Set(['www-authenticate', 'retry-after']);

/** The three operations on a framework's response that writing a problem's headers needs. */
export interface HeaderWriter {
  /** The names already set, in any case. */
  names(): readonly string[];
  remove(name: string): void;
  /** Sets a header; a value the framework refuses may be skipped. */
  set(name: string, value: string): void;
  /** Adds a value to a header that may repeat (`Set-Cookie`), keeping those already set. */
  append(name: string, value: string): void;
}

/**
 * Puts a problem's headers on a response that may already hold some: representation headers of
 * the lost body go, the application's challenge and `Retry-After` stay, and the
 * rest (CORS, security, rate-limit fields, `Vary`, cookies) is left as it was.
 */
export function applyProblemHeaders(
  writer: HeaderWriter,
  headers: Readonly<Record<string, string>>,
): void {
  const present = new Set<string>();
  for (const name of writer.names()) {
    const lower = name.toLowerCase();
    if (representationHeaders.has(lower)) writer.remove(name);
    else present.add(lower);
  }
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (yieldingHeaders.has(lower) && present.has(lower)) continue;
    // A cookie the problem sets joins the application's; it never erases them.
    if (lower === 'set-cookie') writer.append(name, headers[name]!);
    else writer.set(name, headers[name]!);
  }
}
