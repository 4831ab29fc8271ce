import { getReasonPhrase } from 'http-status-codes';

/** Whether `value` is an integer HTTP status a problem response may carry (400–599). */
export function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

// http-status-codes still carries the RFC 7231 phrases for these; RFC 9110 renamed them.
const rfc9110Phrases: Readonly<Record<number, string>> = {
  413: 'Content Too Large',
  414: 'URI Too Long',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
};

/** The recommended reason phrase of an error status (RFC 9110), or its class for unassigned ones. */
export function reasonPhrase(status: number): string {
  const renamed = rfc9110Phrases[status];
  if (renamed !== undefined) return renamed;
  try {
    return getReasonPhrase(status);
  } catch {
    return status < 500 ? 'Client Error' : 'Server Error';
  }
}

/** An error code derived from a reason phrase, for 4xx statuses the registry has no code for. */
export function codeFromPhrase(phrase: string): string {
  return phrase
    .replace(/'/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}
