import { credentialsFailure } from './credentials.js';
import { type OwnHeaders, ownHeaders } from './error-headers.js';
import {
  allowHeader,
  assertChallengeOptions,
  type ChallengeOptions,
  isRetryAfterSeconds,
  isToken,
  wwwAuthenticate,
} from './headers.js';
import { applyMappers, type ErrorMapper } from './mappers.js';
import {
  PROBLEM_CONTENT_TYPE,
  type ProblemDocument,
  type ProblemExtensions,
  standardMembers,
} from './problem-document.js';
import { isProblemError } from './problem-error.js';
import { readProperty as read } from './read.js';
import { recogniseLibraryError } from './recognisers/index.js';
import { defaultRegistry, type Registry } from './registry.js';
import { isErrorStatus } from './status.js';
import { asUriReference } from './uri-reference.js';

export type { ErrorMapper };

export interface NormaliseOptions {
  /** The catalogue to answer with (from `defineProblems`); the default catalogue otherwise. */
  readonly registry?: Registry;
  /** The application's error mappers, tried in order before anything else. */
  readonly mappers?: readonly ErrorMapper[];
  /** `Retry-After` seconds for a 429 that names none. Default 60. */
  readonly retryAfter?: number;
  /** The challenge sent in `WWW-Authenticate` on a 401. Default `{ scheme: 'Bearer' }`. */
  readonly challenge?: ChallengeOptions;
  /** Longest `detail`, in characters; longer ones are cut. Default 1024. */
  readonly maxDetailLength?: number;
  /** Put the error's stack in the body, as `stack`. For development only; never on by default. */
  readonly exposeStack?: boolean;
}

/** What varies per request. */
export interface NormaliseContext {
  /** The `instance` member, when the error names none (an adapter may pass the request path). */
  readonly instance?: string;
}

/** A problem response, ready to write: adapters only copy it onto the wire. */
export interface ProblemResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ProblemDocument;
}

export type Normaliser = (error: unknown, context?: NormaliseContext) => ProblemResponse;

/** The detail of every 500 that did not choose its own: nothing about the cause leaks. */
export const UNEXPECTED_ERROR_DETAIL = 'An unexpected error occurred.';

const where = '@faultline/core';
const errorCodeName = /^[A-Z][A-Z0-9_]*$/;

/** What every kind of thrown value is reduced to before the response is built. */
interface Classified {
  status: number;
  code: string | undefined;
  /** Safe to send; `undefined` when the error's text must stay private. */
  detail: string | undefined;
  /** Whether the detail was chosen by the application (which lifts the 5xx rule for it). */
  explicit: boolean;
  instance: string | undefined;
  extensions: ProblemExtensions | undefined;
  /** The error's own headers the rules below decide on, each already checked. */
  retryAfter: string | undefined;
  allow: string | undefined;
  challenge: string | undefined;
  /** Every other header of the error that is safe to send. */
  headers: Record<string, string>;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function unexpected(): Classified {
  return {
    status: 500,
    code: undefined,
    detail: undefined,
    explicit: false,
    instance: undefined,
    extensions: undefined,
    retryAfter: undefined,
    allow: undefined,
    challenge: undefined,
    headers: {},
  };
}

/**
 * A classification whose detail is not the application's own choice. Every classification is
 * built as one literal, key for key in the same order: an object spread here made V8 build new
 * hidden classes on every problem (~20 us each under load).
 */
function classified(
  status: number,
  code: string | undefined,
  detail: string | undefined,
  own: OwnHeaders,
): Classified {
  return {
    status,
    code,
    detail,
    explicit: false,
    instance: undefined,
    extensions: undefined,
    retryAfter: own.retryAfter,
    allow: own.allow,
    challenge: own.challenge,
    headers: own.headers,
  };
}

function fromProblemError(error: object, registry: Registry): Classified {
  const code = read(error, 'code');
  const known = registry.has(code) ? registry.byCode(code) : undefined;
  const status = known?.status ?? read(error, 'status');
  if (!isErrorStatus(status)) return unexpected();
  const detail = optionalString(read(error, 'detail'));
  const extensions = read(error, 'extensions');
  const allow = read(error, 'allow');
  const retryAfter = read(error, 'retryAfter');
  const own = ownHeaders(read(error, 'headers'));
  return {
    status,
    code: known?.code ?? (typeof code === 'string' && errorCodeName.test(code) ? code : undefined),
    detail,
    explicit: detail !== undefined,
    instance: optionalString(read(error, 'instance')),
    extensions:
      typeof extensions === 'object' && extensions !== null
        ? (extensions as ProblemExtensions)
        : undefined,
    retryAfter: isRetryAfterSeconds(retryAfter) ? String(retryAfter) : own.retryAfter,
    // `allow` is for a 405's Allow; any other status keeps only an `Allow` header it was given.
    allow:
      Array.isArray(allow) && status === 405
        ? allowHeader(allow.filter((m): m is string => typeof m === 'string' && isToken(m)))
        : own.allow,
    challenge: own.challenge,
    headers: own.headers,
  };
}

/**
 * The catalogue code of a 401 whose error names no code of its own, and the detail to show when
 * it shows none: what the authentication library (or its challenge) says went wrong.
 */
function credentials(
  error: object,
  challenge: string | undefined,
  registry: Registry,
): { code: string | undefined; detail: string | undefined } {
  const failure = credentialsFailure(error, challenge);
  if (failure === undefined || !registry.has(failure.code)) {
    return { code: undefined, detail: undefined };
  }
  return { code: failure.code, detail: failure.detail };
}

function fromBoom(error: object, registry: Registry): Classified {
  const output = read(error, 'output');
  if (typeof output !== 'object' || output === null) return unexpected();
  const status = read(output, 'statusCode');
  if (!isErrorStatus(status)) return unexpected();
  const payload = read(output, 'payload');
  const message =
    typeof payload === 'object' && payload !== null ? read(payload, 'message') : undefined;
  const own = ownHeaders(read(output, 'headers'));
  const failed = status === 401 ? credentials(error, own.challenge, registry) : undefined;
  return classified(
    status,
    failed?.code,
    // Boom writes a client-safe message for 4xx and a generic one for 5xx.
    status < 500 ? (optionalString(message) ?? failed?.detail) : undefined,
    own,
  );
}

const fastifyErrorBrand = Symbol.for('fastify-error-generic');

/**
 * Whether an error's message was written for the client. http-errors says so with `expose`.
 * An error made with @fastify/error (an application's or a plugin's own: `@fastify/jwt`,
 * `@fastify/multipart`) has no `expose`: its message is a fixed text, written with its code, so
 * it is shown. Fastify's own `FST_ERR_*` messages are not: some quote the request.
 * `expose: false` always hides a message; the caller shows none on a 5xx.
 */
function messageIsForClient(error: object, code: unknown): boolean {
  const expose = read(error, 'expose');
  if (expose !== undefined) return expose === true;
  const made = read(error, fastifyErrorBrand) === true || read(error, 'name') === 'FastifyError';
  return made && typeof code === 'string' && !code.startsWith('FST_ERR');
}

/** http-errors, @fastify/sensible, Fastify's own errors and lookalikes: `status` or `statusCode`. */
function fromStatusShape(error: object, status: number, registry: Registry): Classified {
  const code = read(error, 'code');
  const ownCode = registry.has(code) && registry.byCode(code)?.status === status ? code : undefined;
  const message = read(error, 'message');
  const own = ownHeaders(read(error, 'headers'));
  const failed =
    status === 401 && ownCode === undefined
      ? credentials(error, own.challenge, registry)
      : undefined;
  const shown =
    status < 500 && messageIsForClient(error, code) ? optionalString(message) : undefined;
  return classified(
    status,
    ownCode ?? failed?.code,
    status < 500 ? (shown ?? failed?.detail) : undefined,
    own,
  );
}

function classify(error: unknown, registry: Registry): Classified {
  if (typeof error !== 'object' && typeof error !== 'function') return unexpected();
  if (error === null) return unexpected();
  if (isProblemError(error)) return fromProblemError(error, registry);
  if (read(error, 'isBoom') === true) return fromBoom(error, registry);
  const status = read(error, 'status');
  if (isErrorStatus(status)) return fromStatusShape(error, status, registry);
  const statusCode = read(error, 'statusCode');
  if (isErrorStatus(statusCode)) return fromStatusShape(error, statusCode, registry);
  // Validation and upload libraries' errors, which carry no status (see recognisers/).
  const recognised = recogniseLibraryError(error);
  if (recognised !== undefined) return fromProblemError(recognised, registry);
  return unexpected();
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function stackOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return optionalString(read(error, 'stack'));
}

function validateOptions(options: NormaliseOptions): void {
  if (options.retryAfter !== undefined && !isRetryAfterSeconds(options.retryAfter)) {
    throw new TypeError(
      `${where}: retryAfter must be a non-negative integer of seconds, got ${String(options.retryAfter)}`,
    );
  }
  const max = options.maxDetailLength;
  if (max !== undefined && (!Number.isSafeInteger(max) || max < 16)) {
    throw new TypeError(
      `${where}: maxDetailLength must be an integer of at least 16, got ${String(max)}`,
    );
  }
  if (
    options.mappers !== undefined &&
    !options.mappers.every((mapper) => typeof mapper === 'function')
  ) {
    throw new TypeError(`${where}: mappers must be an array of functions`);
  }
  if (options.challenge !== undefined)
    assertChallengeOptions(options.challenge, `${where}: challenge`);
}

/** Builds a problem response from a value the mappers (and an adapter) have already seen. */
export type ResponseBuilder = (
  value: unknown,
  instance: string | undefined,
  /** The error as thrown, whose stack `exposeStack` shows. */
  original: unknown,
) => ProblemResponse;

/**
 * The part of normalising that follows the mappers: options checked and resolved once, then a
 * builder that is total (whatever it is given, it returns a problem response and never throws).
 */
export function createResponseBuilder(options: NormaliseOptions = {}): ResponseBuilder {
  validateOptions(options);
  const registry = options.registry ?? defaultRegistry;
  const defaultRetryAfter = String(options.retryAfter ?? 60);
  const challenge = options.challenge ?? {};
  const missingCredentials = wwwAuthenticate(challenge);
  const invalidCredentials = wwwAuthenticate(challenge, 'invalid_token');
  const maxDetailLength = options.maxDetailLength ?? 1024;
  const exposeStack = options.exposeStack === true;

  function respond(
    value: unknown,
    instanceOfRequest: string | undefined,
    original: unknown,
  ): ProblemResponse {
    const problem = classify(value, registry);
    const { status } = problem;
    const serverError = status >= 500;
    const code = serverError ? undefined : (problem.code ?? registry.byStatus(status).code);
    // A code with a problem type of its own answers with that type (a 5xx too, without sending
    // the code); any other, with its status's.
    const named = problem.code ?? code;
    const { title, type } =
      (named === undefined ? undefined : registry.byCode(named)) ?? registry.byStatus(status);

    let detail = problem.detail;
    if (serverError && !problem.explicit)
      detail = status === 500 ? UNEXPECTED_ERROR_DETAIL : undefined;
    const instance = problem.instance ?? instanceOfRequest;

    const body: Record<string, unknown> = { status, title, type };
    if (detail !== undefined) body.detail = cut(detail, maxDetailLength);
    if (instance !== undefined) body.instance = asUriReference(instance);
    if (code !== undefined) body.error_code = code;
    if (problem.extensions !== undefined) {
      for (const name of Object.keys(problem.extensions)) {
        if (!standardMembers.has(name)) body[name] = read(problem.extensions, name);
      }
    }
    if (exposeStack) {
      const stack = stackOf(original);
      if (stack !== undefined) body.stack = stack;
    }

    const headers: Record<string, string> = problem.headers;
    headers['Content-Type'] = PROBLEM_CONTENT_TYPE;
    headers['X-Content-Type-Options'] = 'nosniff';
    // No problem is stored by a cache, unless the error chose its own caching; a 429 never is.
    const cacheControl = Object.keys(headers).find(
      (name) => name.toLowerCase() === 'cache-control',
    );
    if (status === 429) {
      if (cacheControl !== undefined) delete headers[cacheControl];
      headers['Retry-After'] = problem.retryAfter ?? defaultRetryAfter;
      headers['Cache-Control'] = 'no-store';
    } else {
      if (problem.retryAfter !== undefined && (status === 503 || status === 413)) {
        headers['Retry-After'] = problem.retryAfter;
      }
      if (cacheControl === undefined) headers['Cache-Control'] = 'no-store';
    }
    // The error's own challenge (its realm, its RFC 6750 error) on any status; ours on a 401.
    if (problem.challenge !== undefined) headers['WWW-Authenticate'] = problem.challenge;
    else if (status === 401) {
      headers['WWW-Authenticate'] =
        code === 'INVALID_CREDENTIALS' ? invalidCredentials : missingCredentials;
    }
    if (problem.allow !== undefined) headers.Allow = problem.allow;
    else if (status === 405) headers.Allow = '';
    return { status, headers, body: body as unknown as ProblemDocument };
  }

  return function build(value, instance, original) {
    try {
      return respond(value, instance, original);
    } catch {
      // Only a hostile value gets here, such as extensions whose keys cannot be listed.
      return respond(undefined, instance, undefined);
    }
  };
}

/**
 * Builds a normaliser: options are checked and resolved once, here. The normaliser is total:
 * whatever it is given, it returns a problem response and never throws. A mapper that throws
 * makes the answer a 500.
 */
export function createNormaliser(options: NormaliseOptions = {}): Normaliser {
  const build = createResponseBuilder(options);
  const mappers = options.mappers ?? [];
  return function normalise(error, context) {
    const mapped =
      mappers.length === 0 ? { ok: true as const, value: error } : applyMappers(mappers, error);
    return build(mapped.ok ? mapped.value : undefined, context?.instance, error);
  };
}

/** Built at the first call: an application whose adapter builds its own never pays for it. */
let defaultNormaliser: Normaliser | undefined;

/**
 * Any thrown value → `{ status, headers, body }`, with the default options. Adapters build their
 * own with `createNormaliser`.
 */
export function normalise(error: unknown, context?: NormaliseContext): ProblemResponse {
  defaultNormaliser ??= createNormaliser();
  return defaultNormaliser(error, context);
}
