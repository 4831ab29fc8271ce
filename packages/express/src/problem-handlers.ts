import { createErrorHandler } from './error-handler.js';
import type { ErrorMiddleware, Middleware } from './middleware-types.js';
import { createNotFoundHandler } from './not-found.js';
import { type ProblemHandlerOptions, resolveOptions } from './options.js';

/**
 * The problem handling that goes after every route: a catch-all that answers 404
 * RESOURCE_NOT_FOUND or 405 METHOD_NOT_ALLOWED (with `Allow`, read from the app's router), then
 * the error middleware that turns any error into an `application/problem+json` response. Options
 * are checked here, once.
 *
 * @example
 * const app = express();
 * app.use(problemJson());
 * app.get('/datasets/:id', getDataset);
 * app.use(problemHandlers({ registry: problems.registry, instance: true, logger: pino() }));
 *
 * @example Only the error middleware, after a 404 handler of your own:
 * const [, problemErrorHandler] = problemHandlers();
 * app.use(myNotFound, problemErrorHandler);
 */
export function problemHandlers(
  options: ProblemHandlerOptions = {},
): [notFound: Middleware, errorHandler: ErrorMiddleware] {
  const resolved = resolveOptions(options);
  return [createNotFoundHandler(resolved), createErrorHandler(resolved)];
}
