import type { FetchError } from 'ofetch';
import type { ApiDescription, RegisteredApi } from './api.js';
import type { Problem } from './problem.js';
import { problemFromBody } from './problem.js';

/**
 * The problem of an ofetch `FetchError`, or `undefined` when its response did not carry one (or
 * there was no response). ofetch has already read and parsed the body (`error.data`); this reads
 * the problem from it, with the response's status and headers.
 *
 * @example
 * try { await $fetch('/v2/datasets/42'); }
 * catch (error) { if (problemOf<typeof problems>(error)?.code === 'RESOURCE_NOT_FOUND') ... }
 */
export function problemOf<Api extends ApiDescription = RegisteredApi>(
  error: unknown,
): Problem<Api> | undefined {
  const response = (error as Partial<FetchError> | null)?.response;
  if (typeof response !== 'object' || response === null) return undefined;
  return problemFromBody(response._data, {
    status: response.status,
    statusText: response.statusText,
    header: (name) => response.headers.get(name),
  }) as Problem<Api> | undefined;
}
