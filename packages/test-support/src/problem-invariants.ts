import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '@faultline/core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { MARKER } from './hostile-values';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** The core's JSON Schema of a problem document (2020-12), compiled once. */
const validProblem = ajv.compile(problemDocumentSchema);

/** A response as seen on the wire or through `inject`: status, lower-cased headers, body text. */
export interface SeenResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  readonly body: string;
}

/** Headers that describe another representation: on a problem they would make it unreadable. */
export const REPRESENTATION_HEADERS = [
  'content-encoding',
  'content-language',
  'content-range',
  'content-disposition',
  'content-location',
  'etag',
  'last-modified',
  'transfer-encoding',
] as const;

/** The longest `detail` the core lets through; longer ones are cut, ending in '…'. */
export const MAX_DETAIL_LENGTH = 1024;

/** A V8 stack frame line, as `err.stack` would leak it. */
const stackFrame = /\n\s+at \S/;

/** Throws with the schema's findings unless `document` is a valid problem document. */
export function assertValidProblem(document: unknown): void {
  if (!validProblem(document)) {
    throw new Error(
      `not a valid problem document: ${ajv.errorsText(validProblem.errors)}\n${JSON.stringify(document)}`,
    );
  }
}

function fail(why: string, response: SeenResponse): never {
  const shown = response.body.length > 600 ? `${response.body.slice(0, 600)}…` : response.body;
  throw new Error(
    `${why}\nstatus ${response.status}\n${JSON.stringify(response.headers)}\n${shown}`,
  );
}

/**
 * Checks what every answer to a failure must be, whatever failed and whichever adapter answered:
 * a 4xx/5xx `application/problem+json` with `nosniff`, a Content-Length that is the body's, no
 * header describing another representation, a body valid against the core's schema (so
 * `error_code` only on 4xx) whose `status` is the response's, no `stack`, a `detail` of at most
 * 1024 characters and, on a 5xx, no stack frame and none of the private text every hostile value
 * carries (`MARKER`). Returns the problem document.
 */
export function assertProblemResponse(response: SeenResponse): Record<string, unknown> {
  if (!(response.status >= 400 && response.status <= 599)) fail('not an error status', response);
  if (response.headers['content-type'] !== PROBLEM_CONTENT_TYPE) {
    fail('not application/problem+json', response);
  }
  if (response.headers['x-content-type-options'] !== 'nosniff') fail('no nosniff', response);
  if (Number(response.headers['content-length']) !== Buffer.byteLength(response.body)) {
    fail('Content-Length is not the length of the body', response);
  }
  for (const name of REPRESENTATION_HEADERS) {
    if (response.headers[name] !== undefined) fail(`a ${name} header`, response);
  }
  let document: unknown;
  try {
    document = JSON.parse(response.body);
  } catch {
    fail('body is not JSON', response);
  }
  if (!validProblem(document)) {
    fail(`body fails the problem schema: ${ajv.errorsText(validProblem.errors)}`, response);
  }
  const problem = document as unknown as Record<string, unknown>;
  if (problem.status !== response.status) fail('body status differs from the response', response);
  if ('stack' in problem) fail('a stack in the body', response);
  if (typeof problem.detail === 'string' && problem.detail.length > MAX_DETAIL_LENGTH) {
    fail('a detail over 1024 characters', response);
  }
  if (response.status >= 500) {
    if (response.body.includes(MARKER)) fail('a 5xx leaks a private message', response);
    if (stackFrame.test(response.body)) fail('a 5xx carries stack frames', response);
  }
  return problem;
}
