/**
 * Turns an application's own error into a problem, or returns nothing to pass it on.
 *
 * @example (error) => error instanceof DatasetNameTaken
 *   ? new ProblemError('RESOURCE_ALREADY_EXISTS', { detail: error.message, cause: error })
 *   : undefined
 */
export type ErrorMapper = (error: unknown) => unknown;

/** What the mappers made of an error: a value to answer, or the failure of a mapper that threw. */
export type Mapped =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly failure: unknown };

/**
 * Runs the application's mappers in order; the first that returns something other than
 * `undefined` or `null` wins. A mapper that throws is a bug of its own: the caller answers the
 * request as an unexpected error and logs the failure.
 */
export function applyMappers(mappers: readonly ErrorMapper[], error: unknown): Mapped {
  try {
    for (const mapper of mappers) {
      const mapped = mapper(error);
      if (mapped !== undefined && mapped !== null) return { ok: true, value: mapped };
    }
    return { ok: true, value: error };
  } catch (failure) {
    return { ok: false, failure };
  }
}
