import type { ApiDescription, ErrorCodeOf, RegisteredApi } from './api.js';
import { jsonPointer } from './json-pointer.js';
import { type HeaderReader, retryAfterSeconds } from './retry-after.js';

/** One entry of a problem's `errors`: what is wrong, and where (RFC 6901, string form). */
export interface FieldError {
  readonly detail: string;
  /** `/name`, `/items/0/price`; `""` for the whole document. Sent as `#/name`, read as `/name`. */
  readonly pointer: string;
}

/**
 * A problem as a client reads it (RFC 9457). A member of the wrong type is ignored, as §3.1 asks:
 * it reads as absent.
 */
export interface Problem<Api extends ApiDescription = RegisteredApi> {
  /** The HTTP status of the response (the body's own `status` member is only advisory). */
  readonly status: number;
  readonly title: string | undefined;
  /** The problem type's URI; `about:blank` when the body names none (§4.2.1). */
  readonly type: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  /** The `error_code` member: one of the API's codes. Absent on a 5xx. */
  readonly code: ErrorCodeOf<Api> | undefined;
  /** The `errors` member's entries that have a string `detail` and a valid JSON Pointer. */
  readonly errors: readonly FieldError[];
  /** Seconds to wait before trying again, from `Retry-After`: delta-seconds or an HTTP-date. */
  readonly retryAfter: number | undefined;
  /** Every other member, as sent. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** What a problem is read from, whatever the HTTP library. */
export interface ProblemSource {
  readonly status: number;
  readonly statusText?: string | undefined;
  readonly header: HeaderReader;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function fieldError(entry: unknown): FieldError[] {
  if (typeof entry !== 'object' || entry === null) return [];
  const { detail, pointer } = entry as Record<string, unknown>;
  const valid = jsonPointer(pointer);
  return typeof detail === 'string' && valid !== undefined ? [{ detail, pointer: valid }] : [];
}

/** The problem of a response whose body's members are `members`. */
export function problemFromMembers(
  members: Readonly<Record<string, unknown>>,
  source: ProblemSource,
): Problem<string> {
  // `status` is read from the response; the rest of the standard members are taken out here.
  const { status, title, type, detail, instance, error_code, errors, ...extensions } = members;
  return {
    status: source.status,
    title: text(title),
    type: text(type) ?? 'about:blank',
    detail: text(detail),
    instance: text(instance),
    code: text(error_code),
    errors: Array.isArray(errors) ? errors.flatMap(fieldError) : [],
    retryAfter: retryAfterSeconds(source.header, Date.now),
    extensions,
  };
}

/**
 * The problem of a response with no problem body (an HTML 502 from a proxy): `about:blank`, with
 * the status text as `title`, as RFC 9457 §4.2.1 describes.
 */
export function statusProblem(source: ProblemSource): Problem<string> {
  return problemFromMembers({ title: source.statusText || undefined }, source);
}

/** `application/problem+json`, any JSON media type (`application/json`, `…+json`), or neither. */
export function mediaTypeOf(
  contentType: string | null | undefined,
): 'problem' | 'json' | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  if (essence === 'application/problem+json') return 'problem';
  return essence && /^application\/(?:[\w.!#$&^-]+\+)?json$/.test(essence) ? 'json' : undefined;
}

/**
 * The problem in a body, already parsed (`unknown`) or as text, or `undefined` when it is not
 * one. `application/problem+json` makes any JSON object a problem; another JSON media type needs
 * a string `type` or `title` as well, so that an API's ordinary JSON is not taken for a problem.
 */
export function problemFromBody(body: unknown, source: ProblemSource): Problem<string> | undefined {
  const mediaType = mediaTypeOf(source.header('content-type'));
  if (mediaType === undefined) return undefined;
  let members = body;
  if (typeof body === 'string') {
    try {
      members = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (typeof members !== 'object' || members === null || Array.isArray(members)) return undefined;
  const { type, title } = members as Record<string, unknown>;
  if (mediaType === 'json' && typeof type !== 'string' && typeof title !== 'string') {
    return undefined;
  }
  return problemFromMembers(members as Record<string, unknown>, source);
}
