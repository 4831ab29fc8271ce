import type { ApiDescription, RegisteredApi } from './api.js';
import { type Problem, statusProblem } from './problem.js';
import { ProblemResponseError } from './problem-response-error.js';
import { readProblem, sourceOf } from './read-problem.js';

/**
 * The response if its status is 2xx; otherwise throws a `ProblemResponseError` with its problem.
 *
 * @example const datasets = await (await ensureOk(await fetch(url))).json();
 */
export async function ensureOk<Api extends ApiDescription = RegisteredApi>(
  response: Response,
): Promise<Response> {
  if (response.ok) return response;
  const problem =
    (await readProblem<Api>(response)) ?? (statusProblem(sourceOf(response)) as Problem<Api>);
  throw new ProblemResponseError<Api>(problem, response);
}
