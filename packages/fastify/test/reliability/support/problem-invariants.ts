import { PROBLEM_CONTENT_TYPE, problemDocumentSchema } from '@faultline/core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { MARKER } from './hostile-values';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** Core's JSON Schema of a problem document (2020-12), compiled once. */
const validProblem = ajv.compile(problemDocumentSchema);

/** A response as seen on the wire or through `inject`: status, lower-cased headers, body text. */
export interface SeenResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  readonly body: string;
}

/** A V8 stack frame line, as `err.stack` would leak it. */
const stackFrame = /\n\s+at \S/;

function fail(why: string, response: SeenResponse): never {
  const shown = response.body.length > 600 ? `${response.body.slice(0, 600)}…` : response.body;
  throw new Error(
    `${why}\nstatus ${response.status}\n${JSON.stringify(response.headers)}\n${shown}`,
  );
}

/**
 * Checks what every answer to a failure must be, whatever failed: a 4xx/5xx
 * `application/problem+json` whose body is valid against core's schema (so `error_code` only on
 * 4xx), whose `status` is the response's, and which, for a 5xx, carries no stack and none of the
 * thrown values' private text (every hostile message holds `MARKER`). Returns the document.
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
  if (response.status >= 500) {
    if ('stack' in problem) fail('a 5xx carries a stack', response);
    if (response.body.includes(MARKER)) fail('a 5xx leaks a private message', response);
    if (stackFrame.test(response.body)) fail('a 5xx carries stack frames', response);
  }
  return problem;
}
