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

/** A JSON body that does not parse (or is valid JSON of a kind the parser refuses): 400. */
export function malformedJson(bodyText: string, cause?: unknown): ProblemError {
  const detail = /^[\t\n\r ]*$/.test(bodyText)
    ? 'JSON parse error: the request body is empty.'
    : findJsonSyntaxError(bodyText) === undefined
      ? 'JSON parse error: the body must be a JSON object or array.'
      : describeJsonParseError(bodyText);
  return new ProblemError('VALIDATION_ERROR', { detail, cause, captureStack: false });
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
 * What to answer a request Node's HTTP parser rejected before any framework ran, by the
 * parser's error code: 431 for headers too large, 408 for a timeout, 400 for the rest.
 */
export function parserRejection(code: string | undefined): ExposedStatus {
  return (code === undefined ? undefined : parserRejections[code]) ?? notHttp;
}
