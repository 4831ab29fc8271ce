import { ProblemError } from './problem-error.js';
import { defaultRegistry, type Registry } from './registry.js';

/** What constructs the problems of one registry: `new (problemClassFor(registry))(code, options)`. */
export type ProblemClass = typeof ProblemError;

const classes = new WeakMap<Registry, ProblemClass>();

/** Makes `problemClassFor(registry)` answer the class `defineProblems()` made, with its stack policy. */
export function rememberProblemClass(registry: Registry, made: ProblemClass): void {
  classes.set(registry, made);
}

/**
 * The `ProblemError` class that resolves codes with `registry`, made once per registry. Adapters
 * use it to construct the problem a non-throwing helper answers with, so the answer is the one a
 * thrown error of that code would get.
 */

export function problemClassFor(registry: Registry = defaultRegistry): ProblemClass {
  if (registry === defaultRegistry) return ProblemError;
  let made = classes.get(registry);
  if (made === undefined) {
    made = class RegistryProblemError extends ProblemError {
      static override readonly registry: Registry = registry;
    };
    classes.set(registry, made);
  }
  return made;
}
