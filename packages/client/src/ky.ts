import type { BeforeErrorHook, HTTPError } from 'ky';
import type { ApiDescription, RegisteredApi } from './api.js';
import type { Problem } from './problem.js';
import { readProblem } from './read-problem.js';

/**
 * A ky 1.x `beforeError` hook: reads the problem of the failed response and attaches it to ky's
 * `HTTPError` (ky 1 requires the hook to return that error), where `problemOf` finds it. The
 * message gains the problem's code and detail. The body stays readable with `readText`.
 *
 * @example
 * const api = ky.create({ prefixUrl, hooks: { beforeError: [problemHook] } });
 * try { await api.get('datasets/42').json(); }
 * catch (error) { if (problemOf<typeof problems>(error)?.code === 'RESOURCE_NOT_FOUND') ... }
 */
export const problemHook: BeforeErrorHook = async (error: HTTPError) => {
  const problem = await readProblem(error.response);
  if (problem !== undefined) {
    Object.defineProperty(error, 'problem', { value: problem, enumerable: true });
    const said = problem.detail ?? problem.title;
    if (problem.code !== undefined || said !== undefined) {
      error.message += ` (${[problem.code, said].filter(Boolean).join(': ')})`;
    }
  }
  return error;
};

/** The problem `problemHook` attached to a ky error, or `undefined`. */
export function problemOf<Api extends ApiDescription = RegisteredApi>(
  error: unknown,
): Problem<Api> | undefined {
  if (typeof error !== 'object' || error === null || !('problem' in error)) return undefined;
  return error.problem as Problem<Api>;
}
