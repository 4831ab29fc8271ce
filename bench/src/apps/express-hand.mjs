import { STATUS_CODES } from 'node:http';
import { ProblemError } from '@faultline/core';
import express from 'express';
import { expressRoutes, plainValidationError } from './express-routes.mjs';
import { itemNotFoundDetail, nullLogger } from './fixtures.mjs';
import { listenNode } from './listen.mjs';

/**
 * The handlers a careful developer writes by hand: a catch-all 404 and a 4-arg error middleware
 * answering with `res.status().type().send()`, 5xx logged and never echoed.
 */
export function start() {
  const logger = nullLogger();
  const app = express();
  app.use(express.json());
  expressRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
    invalid: plainValidationError,
  });
  app.use((req, res) => {
    res
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `No route for ${req.method} ${req.path}.`,
      });
  });
  app.use((error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const candidate = error?.status ?? error?.statusCode;
    const status =
      Number.isInteger(candidate) && candidate >= 400 && candidate <= 599 ? candidate : 500;
    const problem = { type: 'about:blank', title: STATUS_CODES[status], status };
    if (status >= 500) logger.error({ err: error }, 'request failed');
    else if (error.expose !== false) problem.detail = error.message;
    if (Array.isArray(error.errors)) problem.errors = error.errors;
    res.status(status).type('application/problem+json').send(problem);
  });
  return listenNode(app);
}
