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
 * realm="legacy"`), the `Retry-After` its rate limiter computed, the caching it chose for the
 * route (`Cache-Control`, except on a 429). The problem sets them only where none is set. Every
 * other header of the problem (its media type, a 405's `Allow`, a 415's `Accept`, a 429's
 * `Cache-Control: no-store`) replaces the application's.
 */
const yieldingHeaders: ReadonlySet<string> = new Set([
  'www-authenticate',
  'retry-after',
  'cache-control',
]);

/** Whether the application's value of `name` beats the problem's on an answer of `status`. */
function yields(name: string, status: number): boolean {
  return yieldingHeaders.has(name) && (status !== 429 || name !== 'cache-control');
}

/** The operations on a framework's response that writing a problem's headers needs. */
export interface HeaderWriter {
  /** The names already set, in any case. */
  names(): readonly string[];
  /** The value of a header already set (several joined with `, `), or `undefined`. */
  get(name: string): string | undefined;
  remove(name: string): void;
  /** Sets a header; a value the framework refuses may be skipped. */
  set(name: string, value: string): void;
  /** Adds a value to a header that may repeat (`Set-Cookie`), keeping those already set. */
  append(name: string, value: string): void;
}

/**
 * Puts the headers of a problem of `status` on a response that may already hold some:
 * representation headers of the lost body go, the application's challenge, `Retry-After` and
 * `Cache-Control` stay, the problem's `Vary` fields join the application's, and the rest (CORS,
 * security, rate-limit fields, cookies) is left as it was.
 */
export function applyProblemHeaders(
  writer: HeaderWriter,
  headers: Readonly<Record<string, string>>,
  status: number,
): void {
  const present = new Set<string>();
  for (const name of writer.names()) {
    const lower = name.toLowerCase();
    if (representationHeaders.has(lower)) writer.remove(name);
    else present.add(lower);
  }
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (present.has(lower) && yields(lower, status)) continue;
    // A cookie the problem sets joins the application's; it never erases them.
    if (lower === 'set-cookie') writer.append(name, headers[name]!);
    else if (lower === 'vary' && present.has(lower)) {
      writer.set(name, mergedVary(writer.get(name), headers[name]!));
    } else writer.set(name, headers[name]!);
  }
}

/** The application's `Vary` with the problem's fields added, each once; `*` stays `*`. */
function mergedVary(current: string | undefined, added: string): string {
  if (current === undefined || current.trim() === '') return added;
  const fields = current.split(',').map((field) => field.trim());
  if (fields.includes('*')) return current;
  const known = new Set(fields.map((field) => field.toLowerCase()));
  for (const field of added.split(',')) {
    const trimmed = field.trim();
    if (trimmed !== '' && !known.has(trimmed.toLowerCase())) {
      fields.push(trimmed);
      known.add(trimmed.toLowerCase());
    }
  }
  return fields.filter((field) => field !== '').join(', ');
}
