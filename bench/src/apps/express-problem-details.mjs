import express from 'express';
import { HttpProblemResponse } from 'express-http-problem-details';
import { ProblemDocument } from 'http-problem-details';
import { DefaultMappingStrategy, ErrorMapper, MapperRegistry } from 'http-problem-details-mapper';
import { expressRoutes } from './express-routes.mjs';
import { itemNotFoundDetail, nullLogger } from './fixtures.mjs';
import { listenNode } from './listen.mjs';

class NotFoundError extends Error {
  status = 404;
}

class ValidationError extends Error {
  status = 422;
  constructor(errors) {
    super('The request body is invalid.');
    this.errors = errors;
  }
}

class NotFoundErrorMapper extends ErrorMapper {
  constructor() {
    super(NotFoundError);
  }
  mapError(error) {
    return new ProblemDocument({ status: 404, detail: error.message });
  }
}

class ValidationErrorMapper extends ErrorMapper {
  constructor() {
    super(ValidationError);
  }
  mapError(error) {
    return new ProblemDocument({ status: 422, detail: error.message }, { errors: error.errors });
  }
}

/**
 * http-problem-details (RFC 7807) through express-http-problem-details: the errors the routes
 * throw are mapped by class, anything else by its `status` (500 when it has none).
 */
export function start() {
  const logger = nullLogger();
  const strategy = new DefaultMappingStrategy(
    new MapperRegistry()
      .registerMapper(new NotFoundErrorMapper())
      .registerMapper(new ValidationErrorMapper()),
  );
  const app = express();
  app.use(express.json());
  expressRoutes(app, {
    notFound: (id) => new NotFoundError(itemNotFoundDetail(id)),
    invalid: (ajvErrors) =>
      new ValidationError(
        ajvErrors.map((entry) => ({ detail: entry.message, pointer: entry.instancePath })),
      ),
  });
  app.use((req, _res, next) => {
    next(new NotFoundError(`No route for ${req.method} ${req.path}.`));
  });
  // The library's README: a logger precedes the problem middleware and passes the error on.
  app.use((error, _req, _res, next) => {
    if (!(error?.status < 500)) logger.error({ err: error }, 'request failed');
    next(error);
  });
  app.use(HttpProblemResponse({ strategy }));
  return listenNode(app);
}
