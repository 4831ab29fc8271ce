import { isProblemError, ProblemError } from '@faultline/core';
import {
  bodyLengthMismatch,
  bodyTooLarge,
  isErrorStatus,
  malformedJson,
  malformedUrl,
  readProperty as read,
  unsupportedCharset,
  withResponseChallenge,
} from '@faultline/core/adapter';
import type { Request } from 'express';

/**
 * Express and body-parser failures in the core's vocabulary. body-parser marks each of its errors
 * with a stable `type`; its messages are not used, since a JSON parse message quotes the body.
 */

/** `Accept-Encoding` for a 415 raised by a parser whose codings are known (set by `problemJson`). */
const acceptEncodingOf = new WeakMap<object, string>();

/** Codings every body-parser version decodes, for a 415 from a parser this package did not make. */
const COMMON_CODINGS = 'gzip, deflate';

export function rememberAcceptEncoding(error: unknown, value: string): void {
  if (typeof error === 'object' && error !== null) acceptEncodingOf.set(error, value);
}

function problem(
  code: 'VALIDATION_ERROR' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
  detail: string,
  cause: unknown,
  headers?: Record<string, string>,
): ProblemError {
  return new ProblemError(code, {
    detail,
    cause,
    captureStack: false,
    ...(headers === undefined ? {} : { headers }),
  });
}

/**
 * The parse error is not kept as `cause`: its message quotes the body (`"{"password":…" is not
 * valid JSON`), and a logger's error serializer would write it out. The detail says where the
 * body broke, which is all the parse error knew.
 */
function parseFailed(error: unknown): ProblemError {
  const body = read(error, 'body');
  return malformedJson(typeof body === 'string' ? body : undefined);
}

function tooLarge(error: unknown): ProblemError {
  const limit = read(error, 'limit');
  return bodyTooLarge(
    typeof limit === 'number' && Number.isFinite(limit) ? limit : undefined,
    error,
  );
}

function encodingUnsupported(error: object): ProblemError {
  const known = acceptEncodingOf.get(error);
  // body-parser says exactly this when `inflate: false` refuses every coding.
  const refusesAll = read(error, 'message') === 'content encoding unsupported';
  return problem(
    'UNSUPPORTED_MEDIA_TYPE',
    'The Content-Encoding of the request body is not supported.',
    error,
    { 'Accept-Encoding': known ?? (refusesAll ? 'identity' : COMMON_CODINGS) },
  );
}

/** A status-bearing error from body-parser's `verify` hook: its 4xx stays, the text does not. */
function verifyFailed(error: unknown): unknown {
  const status = read(error, 'status');
  if (status === 401) {
    return new ProblemError('INVALID_CREDENTIALS', {
      detail: 'The request body failed verification.',
      cause: error,
      captureStack: false,
    });
  }
  if (status === 403) {
    return new ProblemError('ACCESS_DENIED', {
      detail: 'The request body failed verification.',
      cause: error,
      captureStack: false,
    });
  }
  // Any other status is kept; the message, which body-parser marks as safe to show, is not.
  return isErrorStatus(status) ? { status, cause: error } : undefined;
}

/**
 * Maps a body-parser error (by `type`), a corrupt compressed body (zlib `Z_*` code) or Express's
 * undecodable-path `URIError` onto a `ProblemError`, keeping the original error as `cause`;
 * anything else is returned as it is, for the core to read by its status.
 */
export function classifyExpressError(error: unknown, req?: Request): unknown {
  return (
    classify(error) ??
    (req === undefined
      ? undefined
      : withResponseChallenge(error, () => req.res?.getHeader('www-authenticate'))) ??
    error
  );
}

function classify(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || isProblemError(error)) return undefined;
  const type = read(error, 'type');
  switch (type) {
    case 'entity.parse.failed':
      return parseFailed(error);
    case 'entity.too.large':
      return tooLarge(error);
    case 'parameters.too.many':
      return problem('PAYLOAD_TOO_LARGE', 'The request body has too many parameters.', error);
    case 'encoding.unsupported':
      return encodingUnsupported(error);
    case 'charset.unsupported':
      return unsupportedCharset(error);
    case 'request.aborted':
      return problem(
        'VALIDATION_ERROR',
        'The request was aborted before its body was received.',
        error,
      );
    case 'request.size.invalid':
      return bodyLengthMismatch(error);
    case 'querystring.parse.rangeError':
      return problem('VALIDATION_ERROR', 'The request body is nested too deeply.', error);
    case 'entity.verify.failed':
      return verifyFailed(error);
    // 'stream.encoding.set' and 'stream.not.readable' are 500s (another middleware consumed the
    // body): the core's 5xx rule answers them, so they need no entry.
  }
  const status = read(error, 'status');
  if (status !== 400) return undefined;
  const code = read(error, 'code');
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return problem('VALIDATION_ERROR', 'The request body could not be decompressed.', error);
  }
  if (error instanceof URIError) return malformedUrl(error);
  return undefined;
}

/** Whether the error is body-parser's word that the client went away mid-body. */
export function isAbortedRequest(error: unknown): boolean {
  return read(error, 'type') === 'request.aborted';
}
