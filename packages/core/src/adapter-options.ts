import type { Localize } from './localization.js';
import { type LogOptions, logLevels } from './log-policy.js';
import type { NormaliseOptions } from './normalise.js';
import type { RedactOption } from './redaction.js';
import type { ScopeOption } from './scope.js';
import type { OpenTelemetryOption } from './telemetry.js';
import type { TraceIdOption } from './trace-id.js';

/** The options every adapter takes, checked the same way by each. */
export interface CommonOptions<Request> extends NormaliseOptions, LogOptions {
  /**
   * The `instance` member when the error names none: `true` for the request path (without the
   * query string), or a function of the request. Default: no `instance`. A function that throws
   * leaves `instance` out; its failure is logged.
   */
  readonly instance?: boolean | ((request: Request) => string | undefined);
  /**
   * A trace id in every problem body, as `trace_id` (or the `member` given), and in the answer's
   * log record: the active OpenTelemetry span's (when `@opentelemetry/api` is installed), else
   * that of a valid W3C `traceparent` request header, else a fresh random one. Default: off.
   */
  readonly traceId?: TraceIdOption;
  /**
   * When `@opentelemetry/api` is installed and a span is active: `error.type` on every problem,
   * status ERROR on a 5xx (a 4xx leaves it unset), and the 5xx's error recorded as an exception
   * event with `recordException: true`. Default `true`; `false` leaves spans alone.
   */
  readonly openTelemetry?: OpenTelemetryOption;
  /**
   * Answer `application/problem+xml` (RFC 9457 Appendix B) to a request whose `Accept` prefers
   * it to `application/problem+json` by q-value; every problem of a request then carries
   * `Vary: Accept` (a request Node's parser refused was never read: it is answered in JSON).
   * Default `false`: every problem is JSON, whatever the `Accept`.
   */
  readonly xml?: boolean;
  /**
   * Which requests problems answer: a path prefix (`'/api'` covers `/api` and `/api/…`), a list
   * of them, or a function of the request. Others keep the framework's own handling (Express's
   * HTML error page, Fastify's default handlers). Default: every request.
   */
  readonly scope?: ScopeOption<Request>;
  /**
   * Sensitive request fields whose values never appear in `detail`, `errors[].detail` or the
   * logged error: `true` for `defaultSensitiveFields`, or a list of names (matched whatever
   * their case, `-` and `_`). Default: off.
   */
  readonly redact?: RedactOption;
  /**
   * The languages problems are answered in, the first the default (the language of the
   * catalogue's titles and the application's details): `['en', 'de', 'pt-BR']`. The request's
   * `Accept-Language` picks one (`de-CH` → `de`, else the default); every problem then carries
   * `Content-Language` and `Vary: Accept-Language`. Given with `localize`.
   */
  readonly locales?: readonly string[];
  /**
   * Translates a problem's `title` and `detail` into a language of `locales`; returns nothing to
   * keep them (the default language is then tried). `type` and `error_code` are never changed.
   */
  readonly localize?: Localize;
}

/** The names of the common options, in the order the README lists them. */
export const commonOptionNames: readonly string[] = [
  'registry',
  'mappers',
  'retryAfter',
  'challenge',
  'maxDetailLength',
  'exposeStack',
  'instance',
  'traceId',
  'openTelemetry',
  'xml',
  'scope',
  'redact',
  'locales',
  'localize',
  'logLevel4xx',
  'logLevel5xx',
];

/** A short, safe rendering of a configuration value for an error message. */
export function showValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** How many single-character edits turn `a` into `b`. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Throws unless `options` is an object holding only `known` names; a misspelt name (`registy`)
 * is named with the option it most likely meant.
 */
export function assertKnownOptions(
  options: unknown,
  known: readonly string[],
  where: string,
): asserts options is object {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object, got ${showValue(options)}`);
  }
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const closest = known
      .map((candidate) => ({ candidate, d: distance(name.toLowerCase(), candidate.toLowerCase()) }))
      .sort((x, y) => x.d - y.d)[0];
    const hint =
      closest !== undefined && closest.d <= Math.max(2, Math.floor(name.length / 3))
        ? `; did you mean "${closest.candidate}"?`
        : '';
    throw new TypeError(
      `${where}: unknown option "${name}"${hint} The options are: ${known.join(', ')}`,
    );
  }
}

function assertLogLevel(value: unknown, name: string, where: string): void {
  if (value !== undefined && !logLevels.includes(value as never)) {
    throw new TypeError(
      `${where}: option ${name} must be one of ${logLevels.map((level) => `'${level}'`).join(', ')}, got ${showValue(value)}`,
    );
  }
}

/** Checks the common options' shapes; the normaliser's own checks follow in `createProblemFlow`. */
export function assertCommonOptions(options: Record<string, unknown>, where: string): void {
  const { registry, mappers, instance } = options;
  if (
    registry !== undefined &&
    (typeof registry !== 'object' ||
      registry === null ||
      !['has', 'byCode', 'byStatus'].every(
        (method) => typeof (registry as Record<string, unknown>)[method] === 'function',
      ))
  ) {
    throw new TypeError(
      `${where}: option registry must be a registry from defineProblems() (or defaultRegistry), got ${showValue(registry)}`,
    );
  }
  if (
    mappers !== undefined &&
    (!Array.isArray(mappers) || !mappers.every((mapper) => typeof mapper === 'function'))
  ) {
    throw new TypeError(
      `${where}: option mappers must be an array of functions, got ${showValue(mappers)}`,
    );
  }
  for (const name of ['exposeStack', 'xml']) {
    const value = options[name];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new TypeError(`${where}: option ${name} must be a boolean, got ${showValue(value)}`);
    }
  }
  if (instance !== undefined && typeof instance !== 'boolean' && typeof instance !== 'function') {
    throw new TypeError(
      `${where}: option instance must be a boolean or a function of the request, got ${showValue(instance)}`,
    );
  }
  assertLogLevel(options.logLevel4xx, 'logLevel4xx', where);
  assertLogLevel(options.logLevel5xx, 'logLevel5xx', where);
}
