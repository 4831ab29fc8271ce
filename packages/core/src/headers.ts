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
