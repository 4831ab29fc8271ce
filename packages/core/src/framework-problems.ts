import { describeJsonParseError, findJsonSyntaxError } from './json-parse.js';
import { ProblemError } from './problem-error.js';

/*
 * The problems every adapter raises for what a framework signals without an error of the
 * application's: worded here, once, so the same request gets the same answer on Express and
 * Fastify. They skip the stack trace: they are expected, and some arrive in floods.
 */

/** No route serves the path: 404 RESOURCE_NOT_FOUND. */
export function routeNotFound(): ProblemError {
  return new ProblemError('RESOURCE_NOT_FOUND', {
    detail: 'No resource exists at this URL.',
    captureStack: false,
  });
}

/** The path is served, but not with `method`: 405 METHOD_NOT_ALLOWED with `Allow`. */
export function methodNotAllowed(method: string, allowed: readonly string[]): ProblemError {
  return new ProblemError('METHOD_NOT_ALLOWED', {
    detail: `The ${method} method is not allowed on this resource.`,
    allow: allowed,
    captureStack: false,
  });
}

/**
 * A body whose Content-Type the route does not take: 415 UNSUPPORTED_MEDIA_TYPE, telling the
 * client what it does take (`Accept`, and `Accept-Patch` on PATCH, RFC 5789 §2.2).
 *
 * @example unsupportedMediaType(['application/json', 'application/*+json'], 'POST').detail
 * // 'Content-Type must be application/json'
 */
export function unsupportedMediaType(accepted: readonly string[], method?: string): ProblemError {
  const exact = accepted.filter((type) => !type.includes('*'));
  const accept = accepted.join(', ');
  return new ProblemError('UNSUPPORTED_MEDIA_TYPE', {
    detail: `Content-Type must be ${(exact.length > 0 ? exact : accepted).join(' or ')}`,
    headers: method === 'PATCH' ? { Accept: accept, 'Accept-Patch': accept } : { Accept: accept },
    captureStack: false,
  });
}

/** The media types read as JSON unless an application says otherwise, named by every 415. */
export const JSON_MEDIA_TYPES: readonly string[] = ['application/json', 'application/*+json'];

function invalidJson(detail: string, cause: unknown): ProblemError {
  return new ProblemError('VALIDATION_ERROR', { detail, cause, captureStack: false });
}

/**
 * A JSON body that does not parse (or is valid JSON of a kind the parser refuses): 400, saying
 * where it broke without echoing it. Without the body's text (a parser that kept none), the
 * detail says only that the body is not JSON.
 */
export function malformedJson(bodyText: string | undefined, cause?: unknown): ProblemError {
  if (bodyText === undefined)
    return invalidJson('JSON parse error: the body is not valid JSON.', cause);
  let detail: string;
  try {
    detail = /^[\t\n\r ]*$/.test(bodyText)
      ? 'JSON parse error: the request body is empty.'
      : findJsonSyntaxError(bodyText) === undefined
        ? 'JSON parse error: the body must be a JSON object or array.'
        : describeJsonParseError(bodyText);
  } catch {
    detail = 'JSON parse error: the body is not valid JSON.';
  }
  return invalidJson(detail, cause);
}

/** A JSON body that is not valid UTF-8 (decoding would alter it): 400. */
export function invalidUtf8Json(cause?: unknown): ProblemError {
  return invalidJson('JSON parse error: the request body is not valid UTF-8.', cause);
}

/** Valid JSON refused for prototype poisoning: a `__proto__` or `constructor.prototype` key. */
export function forbiddenJsonProperty(cause?: unknown): ProblemError {
  return invalidJson(
    'JSON parse error: the body uses a forbidden property name (__proto__ or constructor.prototype).',
    cause,
  );
}

/** A body shorter or longer than its Content-Length announced: 400. */
export function bodyLengthMismatch(cause?: unknown): ProblemError {
  return invalidJson('The request body does not match its Content-Length.', cause);
}

/** Whole seconds until a retry, from milliseconds: never 0, so a client always waits. */
export function retrySeconds(milliseconds: number): number | undefined {
  return Number.isFinite(milliseconds) && milliseconds >= 0
    ? Math.max(1, Math.ceil(milliseconds / 1000))
    : undefined;
}

/** A rate limiter refused the request: 429 RATE_LIMIT_EXCEEDED, with `Retry-After` when known. */
export function rateLimited(retryAfterSeconds?: number): ProblemError {
  return new ProblemError('RATE_LIMIT_EXCEEDED', {
    detail: 'You have exceeded the allowed number of requests. Please try again later.',
    captureStack: false,
    ...(retryAfterSeconds === undefined ? {} : { retryAfter: retryAfterSeconds }),
  });
}

/** A rate limiter banned the client: 403 ACCESS_DENIED. */
export function rateLimitBanned(): ProblemError {
  return new ProblemError('ACCESS_DENIED', {
    detail: 'This client made too many requests and is blocked for now.',
    captureStack: false,
  });
}

/** A body over the size limit: 413 PAYLOAD_TOO_LARGE, naming the limit when it is known. */
export function bodyTooLarge(limitBytes?: number, cause?: unknown): ProblemError {
  return new ProblemError('PAYLOAD_TOO_LARGE', {
    detail:
      limitBytes === undefined
        ? 'The request body is larger than this server accepts.'
        : `The request body is larger than the limit of ${limitBytes} bytes.`,
    cause,
    captureStack: false,
  });
}

/** A URL whose percent-encoding does not decode: 400, the client's fault, never a 500. */
export function malformedUrl(cause?: unknown): ProblemError {
  return new ProblemError('VALIDATION_ERROR', {
    detail: 'The request URL is not correctly percent-encoded.',
    cause,
    captureStack: false,
  });
}

const charsetParameter = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/**
 * Whether a JSON Content-Type declares UTF-8 or no charset at all (RFC 8259 §8.1: JSON exchanged
 * between systems is UTF-8). An empty or other charset is refused, not guessed.
 */
export function declaresUtf8(contentType: string | undefined): boolean {
  const match = contentType === undefined ? null : charsetParameter.exec(contentType);
  if (match === null) return true;
  const charset = (match[1] ?? match[2] ?? '').toLowerCase();
  return charset === 'utf-8' || charset === 'utf8';
}

/** JSON in a charset other than UTF-8 (RFC 8259 §8.1), or an empty or unknown one: 415. */
export function unsupportedCharset(cause?: unknown): ProblemError {
  return new ProblemError('UNSUPPORTED_MEDIA_TYPE', {
    detail: 'JSON request bodies must be encoded in UTF-8.',
    cause,
    captureStack: false,
  });
}

/** An error shaped like http-errors, for statuses the catalogue has no code of its own for. */
interface ExposedStatus {
  readonly status: number;
  readonly expose: true;
  readonly message: string;
}

const parserRejections: Readonly<Record<string, ExposedStatus>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    expose: true,
    message: 'The request headers are larger than this server accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    expose: true,
    message: 'The request was not received in time.',
  },
  ERR_HTTP_HEADERS_TIMEOUT: {
    status: 408,
    expose: true,
    message: 'The request headers were not received in time.',
  },
};
const notHttp: ExposedStatus = {
  status: 400,
  expose: true,
  message: 'The request is not valid HTTP/1.1.',
};

/**
 * Whether a parser error code means the client is gone, not wrong: a reset connection. There is
 * no one to answer. (A client that half-closed in the middle of a request may still read: it is
 * answered.)
 */
export function clientWentAway(code: string | undefined): boolean {
  return code === 'ECONNRESET';
}

/**
 * What to answer a request Node's HTTP parser rejected before any framework ran, by the
 * parser's error code: 431 for headers too large, 408 for a timeout, 400 for the rest.
 */
export function parserRejection(code: string | undefined): ExposedStatus {
  return (code === undefined ? undefined : parserRejections[code]) ?? notHttp;
}
