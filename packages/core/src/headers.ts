/**
 * What a header value may hold: visible ASCII, space and tab. CR and LF would split the response;
 * other controls and non-ASCII are refused by Node or garbled by clients.
 */
const unsafeHeaderValue = /[^\t\x20-\x7e]/;
/** RFC 9110 `token`: what a header name or a method name may consist of. */
const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isSafeHeaderValue(value: string): boolean {
  return !unsafeHeaderValue.test(value);
}

export function isToken(value: string): boolean {
  return token.test(value);
}

/** Whether `value` may be sent as `Retry-After` delay-seconds: a non-negative integer. */
export function isRetryAfterSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const delaySeconds = /^[0-9]+$/;
/** RFC 9110 §5.6.7 IMF-fixdate, the one HTTP-date form a sender may generate. */
const imfFixdate =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/;

/**
 * Whether a header value is a valid `Retry-After` (RFC 9110 §10.2.3): delay-seconds (digits
 * only) or an HTTP-date in IMF-fixdate form that names a real moment.
 *
 * @example isRetryAfterValue('120') // true
 * @example isRetryAfterValue('Wed, 21 Oct 2026 07:28:00 GMT') // true
 * @example isRetryAfterValue('0x10') // false
 */
export function isRetryAfterValue(value: string): boolean {
  if (delaySeconds.test(value)) return true;
  if (!imfFixdate.test(value)) return false;
  const date = new Date(value);
  // A day of the month the month lacks (31 Feb) rolls over: the date no longer reads the same.
  return !Number.isNaN(date.getTime()) && date.toUTCString() === value;
}

/**
 * Whether a header value is a valid `Allow` (RFC 9110 §10.2.1): a comma-separated list of
 * method tokens, possibly empty.
 *
 * @example isAllowValue('GET, HEAD') // true
 * @example isAllowValue('GET; rm') // false
 */
export function isAllowValue(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === '' || trimmed.split(',').every((method) => isToken(method.trim()));
}

const tokenAt = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const token68At = /[A-Za-z0-9._~+/-]+=*(?=[\t ]*(?:,|$))/y;
const paramAt =
  /([!#$%&'*+.^_`|~0-9A-Za-z-]+)[\t ]*=[\t ]*(?:([!#$%&'*+.^_`|~0-9A-Za-z-]+)|"((?:[^"\\]|\\.)*)")/y;
const whitespaceAt = /[\t ]*/y;
const spacesAt = / +/y;
const commaAt = /[\t ]*,[\t ]*/y;

/** Matches a sticky pattern at `index`: the index after the match, or -1. */
function skip(pattern: RegExp, value: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(value) ? pattern.lastIndex : -1;
}

/** One challenge of a `WWW-Authenticate` value. */
interface Challenge {
  readonly scheme: string;
  /** Its parameters by lower-cased name, quoted-strings unescaped. */
  readonly params: ReadonlyMap<string, string>;
}

/**
 * Reads a `WWW-Authenticate` value (RFC 9110 §11.6.1): one or more challenges, each an
 * auth-scheme and then a token68 or a list of `name=value` parameters (a token or a
 * quoted-string). `undefined` when the value is not one. A linear scan: no value makes it
 * backtrack.
 */
function parseChallenges(value: string): Challenge[] | undefined {
  // Past this, every character a quoted-string may hold is visible ASCII, a space or a tab.
  if (!isSafeHeaderValue(value)) return undefined;
  const end = value.length;
  const challenges: Challenge[] = [];
  let at = skip(whitespaceAt, value, 0);
  for (;;) {
    const start = at;
    at = skip(tokenAt, value, at);
    if (at === -1) return undefined;
    const params = new Map<string, string>();
    challenges.push({ scheme: value.slice(start, at), params });
    if (skip(whitespaceAt, value, at) === end) return challenges;
    const comma = skip(commaAt, value, at);
    if (comma !== -1) {
      at = comma;
      continue;
    }
    at = skip(spacesAt, value, at);
    if (at === -1) return undefined;
    const token68 = skip(token68At, value, at);
    if (token68 !== -1) {
      at = skip(whitespaceAt, value, token68);
      if (at === end) return challenges;
      at = skip(commaAt, value, at);
      if (at === -1) return undefined;
      continue;
    }
    // Parameters, until the end or a comma followed by something that is not a parameter.
    for (;;) {
      paramAt.lastIndex = at;
      const param = paramAt.exec(value);
      if (param === null) return undefined;
      const [, name = '', plain, quoted] = param;
      params.set(name.toLowerCase(), plain ?? quoted?.replace(/\\(.)/g, '$1') ?? '');
      at = skip(whitespaceAt, value, paramAt.lastIndex);
      if (at === end) return challenges;
      at = skip(commaAt, value, at);
      if (at === -1 || at === end) return undefined;
      paramAt.lastIndex = at;
      if (!paramAt.test(value)) break;
    }
  }
}

/**
 * Whether a header value is a valid `WWW-Authenticate`: one or more well-formed challenges.
 *
 * @example isChallengeValue('Bearer realm="Users", error="invalid_token"') // true
 * @example isChallengeValue('Bearer realm="unclosed') // false
 */
export function isChallengeValue(value: string): boolean {
  return parseChallenges(value) !== undefined;
}

/**
 * The RFC 6750 `error` attribute of the first challenge that has one: why a bearer token was
 * refused (`invalid_token`, `insufficient_scope`, `invalid_request`). `undefined` for a value
 * that is not a challenge.
 */
export function challengeError(value: string): string | undefined {
  for (const challenge of parseChallenges(value) ?? []) {
    const error = challenge.params.get('error');
    if (error !== undefined) return error;
  }
  return undefined;
}

/**
 * The `Allow` header for a set of methods: upper-cased, de-duplicated, sorted, `HEAD` added
 * wherever `GET` is served.
 *
 * @example allowHeader(['post', 'GET']) // 'GET, HEAD, POST'
 */
export function allowHeader(methods: Iterable<string>): string {
  const set = new Set<string>();
  for (const method of methods) {
    const upper = method.toUpperCase();
    if (!isToken(upper)) throw new TypeError(`@faultline/core: "${method}" is not an HTTP method`);
    set.add(upper);
  }
  if (set.has('GET')) set.add('HEAD');
  return [...set].sort().join(', ');
}

/** Escapes a value for an RFC 9110 quoted-string. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

export interface ChallengeOptions {
  /** The authentication scheme, `Bearer` unless given. */
  readonly scheme?: string;
  /** The protection space named in the challenge. */
  readonly realm?: string;
}

/**
 * A `WWW-Authenticate` challenge (RFC 9110 §11.6.1); `error` is RFC 6750's error attribute.
 *
 * @example wwwAuthenticate({ realm: 'datasets' }, 'invalid_token')
 * // 'Bearer realm="datasets", error="invalid_token"'
 */
export function wwwAuthenticate(options: ChallengeOptions, error?: string): string {
  const params: string[] = [];
  if (options.realm !== undefined) params.push(`realm=${quoted(options.realm)}`);
  if (error !== undefined) params.push(`error=${quoted(error)}`);
  const scheme = options.scheme ?? 'Bearer';
  return params.length === 0 ? scheme : `${scheme} ${params.join(', ')}`;
}

/** Validates challenge options once, at start-up. */
export function assertChallengeOptions(options: ChallengeOptions, where: string): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${where} must be an object { scheme?, realm? }, got ${String(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'scheme' && key !== 'realm') {
      throw new TypeError(`${where} has an unknown member "${key}"; it takes scheme and realm`);
    }
    if (value !== undefined && typeof value !== 'string') {
      throw new TypeError(`${where}.${key} must be a string, got ${typeof value}`);
    }
  }
  if (options.scheme !== undefined && !isToken(options.scheme)) {
    throw new TypeError(
      `${where}: scheme must be an HTTP auth-scheme token, got "${options.scheme}"`,
    );
  }
  if (options.realm !== undefined && !isSafeHeaderValue(options.realm)) {
    throw new TypeError(
      `${where}.realm is sent in WWW-Authenticate and must hold only visible ASCII characters and spaces, got ${JSON.stringify(options.realm)}`,
    );
  }
}
