import type { ApiDescription, RegisteredApi } from './api.js';
import { mediaTypeOf, type Problem, type ProblemSource, problemFromBody } from './problem.js';

/**
 * Where the text of a response read here is kept: on the response itself, under a global symbol,
 * so that every copy of the package (the ES module and CommonJS builds, each entry) finds it.
 */
const textKey = Symbol.for('faultline.response-text');

/**
 * The body of a response as text, read once: after `readProblem` (or an integration) has read
 * it, this returns that same text rather than failing on a used body.
 *
 * @example
 * const problem = await readProblem(response);
 * if (problem === undefined) console.error(response.status, await readText(response));
 */
export function readText(response: Response): Promise<string> {
  const held = (response as unknown as Record<symbol, Promise<string> | undefined>)[textKey];
  if (held !== undefined) return held;
  const text = response.text();
  Object.defineProperty(response, textKey, { value: text });
  return text;
}

/** What a problem is read from, for a fetch `Response`. */
export function sourceOf(response: Response): ProblemSource {
  return {
    status: response.status,
    statusText: response.statusText,
    header: (name) => response.headers.get(name),
  };
}

/**
 * The problem a response carries, or `undefined` when its body is not one. Never throws on a
 * malformed body. A body of another media type is left unread; a JSON body is read once, and its
 * text stays available through `readText`. Only a failure to receive the body rejects.
 *
 * @example
 * const problem = await readProblem<typeof problems>(await fetch(url));
 * if (problem?.code === 'RESOURCE_NOT_FOUND') showNotFound(problem.detail);
 */
export async function readProblem<Api extends ApiDescription = RegisteredApi>(
  response: Response,
): Promise<Problem<Api> | undefined> {
  const source = sourceOf(response);
  // A body that cannot be a problem is left unread, for the caller.
  if (mediaTypeOf(source.header('content-type')) === undefined) return undefined;
  return problemFromBody(await readText(response), source) as Problem<Api> | undefined;
}
