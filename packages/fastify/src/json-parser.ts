import { isUtf8 as isUtf8Encoded } from 'node:buffer';
import {
  declaresUtf8,
  findJsonSyntaxError,
  forbiddenJsonProperty,
  invalidUtf8Json,
  malformedJson,
  readProperty,
  unsupportedCharset,
} from '@faultline/core/adapter';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** `application/json` or `application/*+json`, with any parameters. */
const jsonMediaType = /^\s*application\/(?:[\w!#$%&'*+.^`|~-]*\+)?json\s*(?:;|$)/i;
/** The structured-syntax-suffix types Fastify has no parser for: `application/problem+json`, ... */
const jsonSuffixMediaType = /^application\/[\w!#$%&'*+.^`|~-]+\+json\s*(?:;|$)/i;

/** Whether a Content-Type header names JSON: `application/json` or `application/*+json`. */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && jsonMediaType.test(header);
}

/** The errors this parser raised, so that a body refused on an unknown path can give way to its 404. */
const parserErrors = new WeakSet<object>();

function refused(error: Error): Error {
  parserErrors.add(error);
  return error;
}

/**
 * Whether an error is about the request body: this parser's, or Fastify's own `FST_ERR_CTP_*`
 * (media type, size, length). On a path no route serves, routing answers first: 404 or 405.
 */
export function isBodyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (parserErrors.has(error)) return true;
  const code = readProperty(error, 'code');
  if (typeof code === 'string') return code.startsWith('FST_ERR_CTP_');
  // Fastify 4's own JSON parser (with `json: false`): a bare SyntaxError marked 400.
  return error instanceof SyntaxError && readProperty(error, 'statusCode') === 400;
}
type Done = (error: Error | null, body?: unknown) => void;

function parseFailure(text: string): Error {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Valid JSON that Fastify's parser still refused: a __proto__ or constructor.prototype key.
  if (findJsonSyntaxError(unmarked) === undefined) return forbiddenJsonProperty();
  return malformedJson(unmarked);
}

/** Fastify's own JSON parser (`getDefaultJsonParser`): secure-json-parse with the app's settings. */
type DefaultJsonParser = (request: FastifyRequest, body: string, done: Done) => void;

/**
 * Fastify's JSON parser, with its prototype-poisoning protection (the parse is Fastify's own),
 * whose errors say where the body breaks (never echoing it) and which refuses charsets other
 * than UTF-8, and bodies that are not valid UTF-8.
 */
export function createJsonParser(
  parseJson: DefaultJsonParser,
): (request: FastifyRequest, bytes: Buffer, done: Done) => void {
  return function problemJsonParser(request, bytes, done) {
    if (!declaresUtf8(request.headers['content-type'])) {
      done(refused(unsupportedCharset()));
      return;
    }
    if (bytes.length === 0) {
      done(refused(malformedJson('')));
      return;
    }
    // Decoding as text would replace bad bytes with U+FFFD and accept the body altered.
    if (!isUtf8Encoded(bytes)) {
      done(refused(invalidUtf8Json()));
      return;
    }
    const body = bytes.toString('utf8');
    parseJson(request, body, (error, parsed) => {
      if (error === null) done(null, parsed);
      else done(refused(parseFailure(body)));
    });
  };
}

/**
 * Replaces Fastify's `application/json` parser, adds `application/*+json`, and (unless asked to
 * keep it) removes the `text/plain` parser so that text bodies are a 415. Body limits stay
 * Fastify's: the server's `bodyLimit`, or the route's.
 */
export function installJsonParser(
  fastify: FastifyInstance,
  json: { readonly acceptTextPlain: boolean },
): void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  // Fastify's parser, not secure-json-parse imported here: importing a CommonJS package from the
  // ESM build costs a cold start a few milliseconds on Node 20.
  const parser = createJsonParser(
    fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error'),
  );
  fastify.removeContentTypeParser('application/json');
  if (!json.acceptTextPlain) fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, parser);
  fastify.addContentTypeParser(jsonSuffixMediaType, { parseAs: 'buffer' }, parser);
}
