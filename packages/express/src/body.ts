import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import {
  assertKnownOptions,
  declaresUtf8,
  JSON_MEDIA_TYPES,
  malformedJson,
  unsupportedCharset,
  unsupportedMediaType,
} from '@faultline/core/adapter';
import bodyParser from 'body-parser';
import bytes from 'bytes';
import type { Request } from 'express';
import { routeMayServe } from './allowed-methods.js';
import { rememberAcceptEncoding } from './classify.js';
import { hasBody, mediaTypeMatcher } from './media-type.js';
import type { Middleware } from './middleware-types.js';
import { where } from './validate.js';

/** Options of `problemJson()`; all but `type` are body-parser's own JSON options. */
export interface ProblemJsonOptions {
  /**
   * The media types read as JSON, one pattern or a list: `application/json` (parameters never
   * matter), `application/*+json`, `text/*`. The 415 guard and the parser share this list.
   * Default `['application/json', 'application/*+json']`.
   */
  readonly type?: string | readonly string[];
  /** The largest body accepted, in bytes or as a string such as `'1mb'`. Default `'100kb'`. */
  readonly limit?: number | string;
  /** Accept only objects and arrays at the top level. Default `true`. */
  readonly strict?: boolean;
  /** Decompress `gzip`, `deflate` and `br` bodies; when `false` they are refused with 415. Default `true`. */
  readonly inflate?: boolean;
  /** Passed to `JSON.parse` as its reviver. */
  readonly reviver?: (this: unknown, key: string, value: unknown) => unknown;
  /**
   * Called with the raw body before it is parsed (to check a signature, say); throwing refuses
   * the request with 403, or with the thrown error's own 4xx status.
   */
  readonly verify?: (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    encoding: string,
  ) => void;
}

const optionNames = ['type', 'limit', 'strict', 'inflate', 'reviver', 'verify'] as const;

function assertOptions(options: ProblemJsonOptions): readonly string[] {
  assertKnownOptions(options, optionNames, `${where}: problemJson()`);
  const types = typeof options.type === 'string' ? [options.type] : options.type;
  if (types !== undefined && (!Array.isArray(types) || types.length === 0)) {
    throw new TypeError(
      `${where}: option type must be a media type or a non-empty array of them, got ${JSON.stringify(types)}`,
    );
  }
  for (const name of ['strict', 'inflate'] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new TypeError(`${where}: option ${name} must be a boolean, got ${String(value)}`);
    }
  }
  for (const name of ['reviver', 'verify'] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== 'function') {
      throw new TypeError(`${where}: option ${name} must be a function, got ${typeof value}`);
    }
  }
  return types ?? JSON_MEDIA_TYPES;
}

/** The content codings the bundled body-parser decodes, as an `Accept-Encoding` value. */
function decodedCodings(inflate: boolean): string {
  if (!inflate) return 'identity';
  return 'createZstdDecompress' in zlib ? 'gzip, deflate, br, zstd' : 'gzip, deflate, br';
}

/** body-parser's default `limit`, in bytes. */
const DEFAULT_LIMIT = 100 * 1024;

/** The announced size of a body sent as is; a compressed body's limit applies once inflated. */
function announcedLength(req: IncomingMessage): number {
  const coding = req.headers['content-encoding'];
  if (coding !== undefined && coding.toLowerCase() !== 'identity') return 0;
  return Number(req.headers['content-length'] ?? 0);
}

/**
 * body-parser's own error for a body over the limit, raised before reading: body-parser reads
 * (and discards) the whole announced body before it answers, so a client announcing 50 MB would
 * wait until it had sent them all.
 */
function announcedTooLarge(limit: number, length: number): Error {
  return Object.assign(new Error('request entity too large'), {
    status: 413,
    statusCode: 413,
    expose: true,
    type: 'entity.too.large',
    limit,
    length,
    expected: length,
  });
}

/**
 * The JSON body parser, guarded: a request that carries a body (a non-zero Content-Length, or a
 * Transfer-Encoding) whose Content-Type is not JSON is refused with 415 UNSUPPORTED_MEDIA_TYPE,
 * so a handler never runs with an unparsed body. Then body-parser reads the body, with the same
 * list of types. Its failures (malformed JSON, too large, bad charset or coding) reach the
 * problem error handler, which answers each with the right status. One middleware, so it can sit
 * in a route's handler list without disturbing the typing of the handlers after it.
 *
 * @example
 * app.use(problemJson());                                        // every route takes JSON
 * app.post('/datasets', problemJson({ limit: '1mb' }), create);  // or only some
 */
export function problemJson(options: ProblemJsonOptions = {}): Middleware {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: problemJson() options must be an object`);
  }
  const types = assertOptions(options);
  const isJson = mediaTypeMatcher(types, where);
  const acceptEncoding = decodedCodings(options.inflate !== false);
  // Read with body-parser's own `bytes`, so both agree; an unreadable limit is refused below.
  const limit = options.limit === undefined ? DEFAULT_LIMIT : bytes.parse(options.limit);

  let parse: ReturnType<typeof bodyParser.json>;
  try {
    parse = bodyParser.json({
      type: (req: IncomingMessage) => isJson(req.headers['content-type']),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.strict === undefined ? {} : { strict: options.strict }),
      ...(options.inflate === undefined ? {} : { inflate: options.inflate }),
      ...(options.reviver === undefined ? {} : { reviver: options.reviver }),
      ...(options.verify === undefined ? {} : { verify: options.verify }),
    });
  } catch (error) {
    // body-parser's own start-up checks (an unparsable `limit`), under this package's name.
    throw new TypeError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const problemJsonParser: Middleware = (req, res, next) => {
    const contentType = req.headers['content-type'];
    if (hasBody(req)) {
      if (!isJson(contentType)) {
        refuse(req, next, unsupportedMediaType(types, req.method), problemJsonParser);
        return;
      }
      if (!declaresUtf8(contentType)) {
        refuse(req, next, unsupportedCharset(), problemJsonParser);
        return;
      }
    } else if (req.headers['content-length'] === '0' && isJson(contentType)) {
      // JSON has no empty document: an empty JSON body is malformed, not the `{}` body-parser makes.
      refuse(req, next, malformedJson(''), problemJsonParser);
      return;
    }
    // `complete`: a body already received (or read by another parser) is left to body-parser.
    if (limit !== null && !req.complete && announcedLength(req) > limit) {
      refuse(req, next, announcedTooLarge(limit, announcedLength(req)), problemJsonParser);
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (error === undefined || error === null) {
        next();
        return;
      }
      rememberAcceptEncoding(error, acceptEncoding);
      refuse(req, next, error, problemJsonParser);
    });
  };
  return problemJsonParser;
}

/**
 * Passes a body error on, but only for a request something after this middleware may serve:
 * elsewhere routing answers first, with its 404 or 405, as on Fastify.
 */
function refuse(
  req: IncomingMessage,
  next: (error?: unknown) => void,
  error: unknown,
  self: Middleware,
): void {
  if (routeMayServe(req as Request, self)) next(error);
  else next();
}
