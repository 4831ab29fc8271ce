import { isUtf8 as isUtf8Encoded } from 'node:buffer';
import {
  declaresUtf8,
  describeJsonParseError,
  findJsonSyntaxError,
  ProblemError,
  unsupportedCharset,
} from '@faultline/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import secureJsonParse from 'secure-json-parse';

/** The media types the plugin's parser reads, named in every 415 while it reads JSON bodies. */
export const JSON_MEDIA_TYPES: readonly string[] = ['application/json', 'application/*+json'];

/** `application/json` or `application/*+json`, with any parameters. */
const jsonMediaType = /^\s*application\/(?:[\w!#$%&'*+.^`|~-]*\+)?json\s*(?:;|$)/i;
/** The structured-syntax-suffix types Fastify has no parser for: `application/problem+json`, ... */
const jsonSuffixMediaType = /^application\/[\w!#$%&'*+.^`|~-]+\+json\s*(?:;|$)/i;

/** Whether a Content-Type header names JSON: `application/json` or `application/*+json`. */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && jsonMediaType.test(header);
}

type ProtoAction = 'error' | 'remove' | 'ignore';
type Done = (error: Error | null, body?: unknown) => void;

/** What the parser says about an empty body, also used for Fastify's own `FST_ERR_CTP_EMPTY_JSON_BODY`. */
export const EMPTY_JSON_DETAIL = 'JSON parse error: the request body is empty.';

function invalidBody(detail: string): ProblemError {
  return new ProblemError('VALIDATION_ERROR', { detail, captureStack: false });
}

function parseFailure(text: string): ProblemError {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Valid JSON that secure-json-parse still refused: a __proto__ or constructor.prototype key.
  if (findJsonSyntaxError(unmarked) === undefined) {
    return invalidBody(
      'JSON parse error: the body uses a forbidden property name (__proto__ or constructor.prototype).',
    );
  }
  return invalidBody(describeJsonParseError(unmarked));
}

/**
 * Fastify's JSON parser, with the same prototype-poisoning protection, whose errors say where
 * the body breaks (never echoing it) and which refuses charsets other than UTF-8, and bodies
 * that are not valid UTF-8.
 */
export function createJsonParser(
  protoAction: ProtoAction,
  constructorAction: ProtoAction,
): (request: FastifyRequest, bytes: Buffer, done: Done) => void {
  const parseOptions = { protoAction, constructorAction };
  return function problemJsonParser(request, bytes, done) {
    if (!declaresUtf8(request.headers['content-type'])) {
      done(unsupportedCharset());
      return;
    }
    if (bytes.length === 0) {
      done(invalidBody(EMPTY_JSON_DETAIL));
      return;
    }
    // Decoding as text would replace bad bytes with U+FFFD and accept the body altered.
    if (!isUtf8Encoded(bytes)) {
      done(invalidBody('JSON parse error: the request body is not valid UTF-8.'));
      return;
    }
    const body = bytes.toString('utf8');
    let parsed: unknown;
    try {
      parsed = secureJsonParse(body, null, parseOptions);
    } catch {
      done(parseFailure(body));
      return;
    }
    done(null, parsed);
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
  const parser = createJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  fastify.removeContentTypeParser('application/json');
  if (!json.acceptTextPlain) fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, parser);
  fastify.addContentTypeParser(jsonSuffixMediaType, { parseAs: 'buffer' }, parser);
}
