import {
  createNormaliser,
  type ErrorMapper,
  type NormaliseOptions,
  type Normaliser,
  requestTargetInstance,
} from '@faultline/core';
import type { FastifyRequest } from 'fastify';

/** A pino level, or `'silent'` to log nothing. */
export type FaultlineLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** How JSON request bodies are read. */
export interface FaultlineJsonOptions {
  /**
   * Keep Fastify's `text/plain` parser. Off by default: a `text/plain` body is answered
   * 415 like any other non-JSON body. Routes that take text can also re-add a parser in
   * their own plugin.
   */
  readonly acceptTextPlain?: boolean;
}

/** Options of the `faultline` plugin, `problemFrameworkErrors` and `problemClientErrorHandler`. */
export interface FaultlineOptions extends NormaliseOptions {
  /**
   * The level at which 4xx answers are logged through `request.log`; `'silent'` logs none.
   * Default `'info'`, as Fastify's own handler. 5xx answers are always logged at `error`.
   */
  readonly logLevel4xx?: FaultlineLogLevel;
  /**
   * The `instance` member when the error names none: `true` for the request path (without the
   * query string), or a function of the request. Default: no `instance`.
   */
  readonly instance?: boolean | ((request: FastifyRequest) => string | undefined);
  /**
   * Install the not-found handler (404, 405 with `Allow`, `OPTIONS`). Default `true`. Fastify
   * allows one per prefix: turn it off to install your own and call
   * `app.faultline.notFoundHandler` from it.
   */
  readonly notFound?: boolean;
  /** Answer `OPTIONS` on a served path with 204 and `Allow`. Default `true`. */
  readonly answerOptions?: boolean;
  /**
   * Replace Fastify's JSON parser with one whose errors name the position, and answer 415 to
   * bodies that are not JSON. Default `true`; `false` leaves Fastify's parsers as they are.
   */
  readonly json?: boolean | FaultlineJsonOptions;
}

/** Options resolved once, at registration; nothing is re-read per request. */
export interface ResolvedOptions {
  /** Core's normaliser, built without `mappers` and `exposeStack`: the responder applies those. */
  readonly normalise: Normaliser;
  readonly mappers: readonly ErrorMapper[];
  readonly exposeStack: boolean;
  readonly logLevel4xx: FaultlineLogLevel;
  readonly instance: ((request: FastifyRequest) => string | undefined) | undefined;
  readonly notFound: boolean;
  readonly answerOptions: boolean;
  /** `undefined` when the plugin leaves body parsing to Fastify. */
  readonly json: { readonly acceptTextPlain: boolean } | undefined;
}

const where = '@faultline/fastify';
const logLevels: readonly FaultlineLogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

function show(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function assertBoolean(options: Record<string, unknown>, name: string): void {
  const value = options[name];
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`${where}: option ${name} must be a boolean, got ${show(value)}`);
  }
}

/** The request path, without the query string, as a URI reference. */
export function requestPath(request: FastifyRequest): string {
  return requestTargetInstance(request.url);
}

function resolveJson(json: unknown): ResolvedOptions['json'] {
  if (json === undefined || json === true) return { acceptTextPlain: false };
  if (json === false) return undefined;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TypeError(`${where}: option json must be a boolean or an object, got ${show(json)}`);
  }
  const { acceptTextPlain } = json as FaultlineJsonOptions;
  if (acceptTextPlain !== undefined && typeof acceptTextPlain !== 'boolean') {
    throw new TypeError(
      `${where}: option json.acceptTextPlain must be a boolean, got ${show(acceptTextPlain)}`,
    );
  }
  return { acceptTextPlain: acceptTextPlain === true };
}

function buildNormaliser(options: FaultlineOptions): Normaliser {
  const { registry } = options;
  if (
    registry !== undefined &&
    (typeof registry !== 'object' ||
      registry === null ||
      typeof registry.byStatus !== 'function' ||
      typeof registry.byCode !== 'function' ||
      typeof registry.has !== 'function')
  ) {
    throw new TypeError(
      `${where}: option registry must be a registry from defineProblems(), got ${show(registry)}`,
    );
  }
  if (
    options.mappers !== undefined &&
    (!Array.isArray(options.mappers) ||
      !options.mappers.every((mapper) => typeof mapper === 'function'))
  ) {
    throw new TypeError(
      `${where}: option mappers must be an array of functions, got ${show(options.mappers)}`,
    );
  }
  try {
    // Mappers and the stack are applied by the responder, which sees the original error.
    return createNormaliser({ ...options, mappers: [], exposeStack: false });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new TypeError(error.message.replace(/^@faultline\/core: /, `${where}: option `), {
      cause: error,
    });
  }
}

/**
 * Checks every option once and resolves the defaults. Throws a `TypeError` naming the package,
 * the option and the value.
 */
export function resolveOptions(options: FaultlineOptions | undefined): ResolvedOptions {
  if (options === undefined || options === null) return resolveOptions({});
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object, got ${show(options)}`);
  }
  const record = options as Record<string, unknown>;
  for (const name of ['notFound', 'answerOptions', 'exposeStack']) assertBoolean(record, name);

  const logLevel4xx = options.logLevel4xx ?? 'info';
  if (!logLevels.includes(logLevel4xx)) {
    throw new TypeError(
      `${where}: option logLevel4xx must be one of ${logLevels.map((level) => `'${level}'`).join(', ')}, got ${show(logLevel4xx)}`,
    );
  }

  const { instance } = options;
  if (instance !== undefined && typeof instance !== 'boolean' && typeof instance !== 'function') {
    throw new TypeError(
      `${where}: option instance must be a boolean or a function of the request, got ${show(instance)}`,
    );
  }

  return {
    normalise: buildNormaliser(options),
    mappers: options.mappers ?? [],
    exposeStack: options.exposeStack === true,
    logLevel4xx,
    instance:
      instance === true ? requestPath : typeof instance === 'function' ? instance : undefined,
    notFound: options.notFound !== false,
    answerOptions: options.answerOptions !== false,
    json: resolveJson(options.json),
  };
}
