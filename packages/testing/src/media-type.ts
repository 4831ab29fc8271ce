/** The media type of a problem response (RFC 9457 §3). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * Whether a `Content-Type` value names `application/problem+json`, whatever its case and
 * parameters (`; charset=utf-8`).
 */
export function isProblemMediaType(contentType: string): boolean {
  const essence = contentType.split(';', 1)[0] ?? '';
  return essence.trim().toLowerCase() === PROBLEM_MEDIA_TYPE;
}
