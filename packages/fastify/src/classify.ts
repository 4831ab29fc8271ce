import {
  type AjvErrorLike,
  isProblemError,
  ProblemError,
  type ValidationLocation,
  validationProblem,
} from '@faultline/core';
import {
  bodyLengthMismatch,
  bodyTooLarge,
  invalidRequestPart,
  isErrorStatus,
  JSON_MEDIA_TYPES,
  MAX_VALIDATION_ERRORS,
  malformedJson,
  malformedUrl,
  readProperty as read,
  unsupportedMediaType,
  withResponseChallenge,
} from '@faultline/core/adapter';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isJsonContentType } from './json-parser.js';

/**
 * Translates what Fastify throws into core's vocabulary: `FST_ERR_*` codes, Ajv validation
 * errors, Fastify 4's bare `SyntaxError`, and a status set with `reply.code()` before an error
 * without one. Everything else passes through untouched, for core to read.
 */
export type Classifier = (value: unknown, reply: FastifyReply) => unknown;

/**
 * A client error with a status the default catalogue has no code for (414): shaped like
 * http-errors, so core derives the code from the status (`URI_TOO_LONG`) and shows the message.
 */
interface ExposedClientError {
  readonly status: number;
  readonly expose: true;
  readonly message: string;
}

/** An error whose status came from `reply.code()`; its own message stays private. */
interface ReplyStatusError {
  readonly status: number;
  readonly cause: unknown;
}

function problem(code: 'UNSUPPORTED_MEDIA_TYPE' | 'RESOURCE_NOT_FOUND'): ProblemError {
  return new ProblemError(code, { captureStack: false });
}

/** The body limit in force for this request, when Fastify says. */
function bodyLimitOf(request: FastifyRequest): number | undefined {
  const limit = (request.routeOptions as { bodyLimit?: unknown } | undefined)?.bodyLimit;
  return typeof limit === 'number' ? limit : undefined;
}

/** What each `FST_ERR_*` code that reaches a handler at request time means. */
function fastifyCodes(readsJson: boolean): Record<string, (request: FastifyRequest) => unknown> {
  const unsupported = (request: FastifyRequest) =>
    !readsJson
      ? problem('UNSUPPORTED_MEDIA_TYPE')
      : unsupportedMediaType(JSON_MEDIA_TYPES, request.method);
  return {
    FST_ERR_CTP_INVALID_JSON_BODY: () => malformedJson(undefined),
    FST_ERR_CTP_EMPTY_JSON_BODY: () => malformedJson(''),
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => bodyLengthMismatch(),
    FST_ERR_CTP_BODY_TOO_LARGE: (request) => bodyTooLarge(bodyLimitOf(request)),
    FST_ERR_CTP_INVALID_MEDIA_TYPE: unsupported,
    FST_ERR_ROUTE_MISSING_CONTENT_TYPE: unsupported,
    FST_ERR_BAD_URL: () => malformedUrl(),
    FST_ERR_MAX_PARAM_LENGTH: (): ExposedClientError => ({
      status: 414,
      expose: true,
      message: 'A path segment of the request URL is longer than this server accepts.',
    }),
    FST_ERR_NOT_FOUND: () => problem('RESOURCE_NOT_FOUND'),
    FST_ERR_HANDLER_TIMEOUT: () =>
      new ProblemError('SERVICE_UNAVAILABLE', {
        detail: 'The server did not finish the request in time.',
        captureStack: false,
      }),
  };
}

const locations: ReadonlySet<unknown> = new Set(['body', 'params', 'querystring', 'headers']);

/** A UTF-16 surrogate without its pair (in `u` mode a pair is one code point, not `Cs`). */
const loneSurrogates = /\p{Cs}/gu;

/**
 * Replaces lone surrogates with U+FFFD. A JSON body may name a property `"\ud800"`; Ajv then
 * reports it in `instancePath` or `params`, and the pointer core builds from it with
 * `encodeURIComponent` would throw, turning a client's mistake into a 500.
 */
function wellFormed(text: string): string {
  return text.replace(loneSurrogates, '\ufffd');
}

/** The params core names a property from, made well-formed; the same object when they are. */
function wellFormedParams(params: AjvErrorLike['params']): AjvErrorLike['params'] {
  let copy: Record<string, unknown> | undefined;
  for (const key of ['missingProperty', 'additionalProperty']) {
    const value = read(params, key);
    if (typeof value === 'string' && wellFormed(value) !== value) {
      copy ??= { ...params };
      copy[key] = wellFormed(value);
    }
  }
  return copy ?? params;
}

/**
 * TypeBox 0.34's words for the failures a keyword names, as @fastify/type-provider-typebox 5
 * reports them: `{ message, instancePath }`, with no keyword. Each message is TypeBox's default
 * and is only compared, never shown.
 */
const typeBoxMessages: ReadonlyMap<string, string> = new Map([
  ['Expected required property', 'required'],
  ['Unexpected property', 'additionalProperties'],
]);

/**
 * The JSON Schema keyword of an entry: Ajv's (and TypeBox 1's) `keyword`; for an entry with
 * only a message and a path (TypeBox 0.34), the keyword its message stands for, or an unnamed
 * rule (`The 'kind' field is invalid.`).
 */
function keywordOf(entry: object): string | undefined {
  const keyword = read(entry, 'keyword');
  if (typeof keyword === 'string') return keyword;
  const message = read(entry, 'message');
  if (typeof message !== 'string' || typeof read(entry, 'instancePath') !== 'string') {
    return undefined;
  }
  return typeBoxMessages.get(message) ?? 'invalid';
}

/** Ajv-shaped entries only, copied so nothing else of a custom validator's output is read. */
function ajvErrors(entries: readonly unknown[]): AjvErrorLike[] {
  const errors: AjvErrorLike[] = [];
  // A foreign `validation` may be a sparse array of length 2^32-1: read only what core lists.
  const count = Math.min(entries.length, MAX_VALIDATION_ERRORS);
  for (let index = 0; index < count; index++) {
    const entry = entries[index];
    if (typeof entry !== 'object' || entry === null) continue;
    const keyword = keywordOf(entry);
    if (keyword === undefined) continue;
    const instancePath = read(entry, 'instancePath');
    const params = read(entry, 'params');
    errors.push({
      keyword,
      instancePath: typeof instancePath === 'string' ? wellFormed(instancePath) : '',
      params:
        typeof params === 'object' && params !== null
          ? wellFormedParams(params as AjvErrorLike['params'])
          : {},
    });
  }
  return withoutConsequences(errors);
}

/**
 * TypeBox 0.34 follows a missing property with the failures of its absent value (`Expected
 * string` at `/name`): only the property's absence is reported. Ajv reports a missing property
 * at its parent, so none of its failures share its path.
 */
function withoutConsequences(errors: AjvErrorLike[]): AjvErrorLike[] {
  const missing = new Set(
    errors
      // Ajv names the property (`missingProperty`), TypeBox 1 lists them: only 0.34 names none.
      .filter((error) => error.keyword === 'required' && Object.keys(error.params).length === 0)
      .map((error) => error.instancePath),
  );
  if (missing.size === 0) return errors;
  return errors.filter((error) => error.keyword === 'required' || !missing.has(error.instancePath));
}

function fromValidation(error: object, request: FastifyRequest): ProblemError {
  const context = read(error, 'validationContext');
  const location: ValidationLocation = locations.has(context)
    ? (context as ValidationLocation)
    : 'body';
  const entries = read(error, 'validation');
  const errors = Array.isArray(entries) ? ajvErrors(entries) : [];
  // A custom validator that returned an Error: its message is not ours to show.
  if (errors.length === 0) return invalidRequestPart(location);
  // A body of the wrong media type (kept by a text parser) fails the root `type` rule: say so.
  if (
    location === 'body' &&
    errors.some((entry) => entry.keyword === 'type' && entry.instancePath === '')
  ) {
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && !isJsonContentType(contentType)) {
      return unsupportedMediaType(JSON_MEDIA_TYPES, request.method);
    }
  }
  return validationProblem(errors, location);
}

/** Whether core will find an error status on `value` by itself. */
function carriesStatus(value: object): boolean {
  return (
    isProblemError(value) ||
    read(value, 'isBoom') === true ||
    isErrorStatus(read(value, 'status')) ||
    isErrorStatus(read(value, 'statusCode'))
  );
}

/**
 * Builds the classifier. `readsJson`: whether the plugin reads JSON bodies, so that a 415 may
 * name the JSON media types.
 */
export function createClassifier(readsJson: boolean): Classifier {
  const codes = new Map(Object.entries(fastifyCodes(readsJson)));

  return function classify(value, reply) {
    const { request } = reply;
    if (typeof value === 'object' && value !== null) {
      if (isProblemError(value)) return value;
      const code = read(value, 'code');
      if (
        code === 'FST_ERR_VALIDATION' ||
        (Array.isArray(read(value, 'validation')) &&
          locations.has(read(value, 'validationContext')))
      ) {
        return fromValidation(value, request);
      }
      if (typeof code === 'string') {
        const translate = codes.get(code);
        if (translate !== undefined) return translate(request);
      }
      // Fastify 4's own JSON parser: a SyntaxError whose message quotes the body.
      if (value instanceof SyntaxError && read(value, 'statusCode') === 400) {
        return malformedJson(undefined);
      }
      if (carriesStatus(value))
        return withResponseChallenge(value, () => reply.getHeader('www-authenticate')) ?? value;
    }
    // `reply.code(4xx)` then an error without a status: Fastify's own handler answers that status.
    const status = reply.statusCode;
    if (isErrorStatus(status)) {
      const error: ReplyStatusError = { status, cause: value };
      return error;
    }
    return value;
  };
}
