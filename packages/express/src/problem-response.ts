import type { ProblemErrorOptions, RegisteredCode, Registry } from '@faultline/core';
import { assertKnownOptions, problemClassFor } from '@faultline/core/adapter';
import type { Middleware } from './middleware-types.js';
import { where } from './validate.js';

declare global {
  namespace Express {
    interface Response {
      /**
       * Answers with the problem of `code`, without throwing: the error handlers of
       * `problemHandlers()` answer it exactly as a thrown `ProblemError` of that code. Set by
       * `problemResponse()`; codes are typed by augmenting `Register` from `@faultline/core`.
       *
       * @example return res.problem('RESOURCE_NOT_FOUND', { detail: `Dataset '${id}' was not found.` });
       */
      problem(code: RegisteredCode, options?: ProblemErrorOptions): void;
    }
  }
}

/** Options of `problemResponse()`. */
export interface ProblemResponseOptions {
  /** The registry the codes belong to: the one given to `problemHandlers()`. */
  readonly registry?: Registry;
}

type Next = (error?: unknown) => void;

/**
 * Gives every response `res.problem(code, options)`: the problem is handed to the next error
 * handler, as `next(error)` would, so the same options, log record and bytes apply; nothing is
 * thrown and, for a 4xx, no stack is captured. Install it before the routes.
 *
 * @example
 * app.use(problemResponse({ registry }));
 * app.get('/datasets/:id', (req, res) => {
 *   const dataset = store.get(req.params.id);
 *   if (!dataset) return res.problem('RESOURCE_NOT_FOUND', { detail: 'Dataset was not found.' });
 *   res.json(dataset);
 * });
 */
export function problemResponse(options: ProblemResponseOptions = {}): Middleware {
  assertKnownOptions(options, ['registry'], `${where}: problemResponse()`);
  const { registry } = options;
  if (
    registry !== undefined &&
    (typeof registry !== 'object' || registry === null || typeof registry.byCode !== 'function')
  ) {
    throw new TypeError(
      `${where}: problemResponse() option registry must be a registry from defineProblems() (or defaultRegistry)`,
    );
  }
  const Problem = problemClassFor(registry);
  return function problemResponseMiddleware(req, res, next) {
    (res as unknown as Express.Response).problem = function problem(code, problemOptions) {
      let error: unknown;
      try {
        error = new Problem(code as ConstructorParameters<typeof Problem>[0], problemOptions);
      } catch (failure) {
        // An unknown code or a bad option is the application's bug: answered as one, and logged.
        error = failure;
      }
      // The innermost router's `next`, as Express's own `res.render` uses on failure: the error
      // skips the rest of the route and reaches the error handlers after it.
      const routerNext = (req as { next?: Next }).next;
      (typeof routerNext === 'function' ? routerNext : next)(error);
    };
    next();
  };
}
