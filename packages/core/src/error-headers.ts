import { representationHeaders } from './header-policy.js';
import {
  isAllowValue,
  isChallengeValue,
  isRetryAfterValue,
  isSafeHeaderValue,
  isToken,
} from './headers.js';
import { readProperty as read } from './read.js';

/*
 * The headers a foreign error carries (http-errors' `headers`, Boom's `output.headers`): which of
 * them may be sent, and the three that the rules of a problem response decide on, each checked
 * against the syntax of its header.
 */

/** Foreign errors may carry headers; these describe the body or the connection and are not theirs to set. */
const reservedHeaders: ReadonlySet<string> = new Set([
  ...representationHeaders,
  'content-type',
  'connection',
  'keep-alive',
  'upgrade',
]);

/** An error's headers, split into those a rule decides on and the rest. */
export interface OwnHeaders {
  retryAfter: string | undefined;
  allow: string | undefined;
  challenge: string | undefined;
  headers: Record<string, string>;
}

/** Each header a rule decides on, with the check its value must pass to be kept. */
const checkedHeaders = {
  'retry-after': isRetryAfterValue,
  allow: isAllowValue,
  'www-authenticate': isChallengeValue,
} as const satisfies Record<string, (value: string) => boolean>;

type CheckedHeader = keyof typeof checkedHeaders;

function isCheckedHeader(name: string): name is CheckedHeader {
  return Object.hasOwn(checkedHeaders, name);
}

/** A header value as errors carry them: a string, a finite number, or a list (joined). */
function headerValue(raw: unknown, name: string): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  // Several challenges may come as a list, as Node's `setHeader` takes them.
  if (name !== 'www-authenticate' || !Array.isArray(raw)) return undefined;
  try {
    const items = raw.length > 0 && raw.length <= 16 ? Array.from(raw) : [];
    return items.length > 0 && items.every((item) => typeof item === 'string')
      ? items.join(', ')
      : undefined;
  } catch {
    // A list whose length or items cannot be read (a hostile Proxy) is no challenge.
    return undefined;
  }
}

/**
 * Header entries from an error, keeping only names and values that are safe to send. `Allow`,
 * `Retry-After` and `WWW-Authenticate` are kept apart (whatever the case of their names), and
 * only when their values are valid for their header: the rules of the response decide on them.
 */
export function ownHeaders(source: unknown): OwnHeaders {
  const own: OwnHeaders = {
    retryAfter: undefined,
    allow: undefined,
    challenge: undefined,
    headers: {},
  };
  if (typeof source !== 'object' || source === null) return own;
  let names: string[];
  try {
    names = Object.keys(source);
  } catch {
    return own;
  }
  for (const name of names) {
    const lower = name.toLowerCase();
    const value = headerValue(read(source, name), lower);
    if (value === undefined || !isToken(name) || !isSafeHeaderValue(value)) continue;
    if (reservedHeaders.has(lower)) continue;
    if (!isCheckedHeader(lower)) own.headers[name] = value;
    else if (checkedHeaders[lower](value)) {
      if (lower === 'retry-after') own.retryAfter = value;
      else if (lower === 'allow') own.allow = value.trim();
      else own.challenge = value.trim();
    }
  }
  return own;
}
