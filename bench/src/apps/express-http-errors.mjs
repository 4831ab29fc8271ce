import express from 'express';
import createError from 'http-errors';
import { expressRoutes } from './express-routes.mjs';
import { itemNotFoundDetail, nullLogger } from './fixtures.mjs';
import { listenNode } from './listen.mjs';

/** http-errors thrown by the routes, answered by the usual JSON error middleware. */
export function start() {
  const logger = nullLogger();
  const app = express();
  app.use(express.json());
  expressRoutes(app, {
    notFound: (id) => createError(404, itemNotFoundDetail(id)),
    invalid: (ajvErrors) =>
      createError(422, 'The request body is invalid.', {
        errors: ajvErrors.map((entry) => ({ detail: entry.message, pointer: entry.instancePath })),
      }),
  });
  app.use((_req, _res, next) => {
    next(createError(404));
  });
  app.use((error, _req, res, _next) => {
    const httpError = createError.isHttpError(error) ? error : createError(500, error);
    if (httpError.status >= 500) logger.error({ err: error }, 'request failed');
    res.status(httpError.status).json({
      status: httpError.status,
      message: httpError.expose ? httpError.message : 'Internal Server Error',
      errors: httpError.errors,
    });
  });
  return listenNode(app);
}
