import { ProblemError, validationProblem } from '@faultline/core';
import { problemHandlers, problemJson, problemResponse } from '@faultline/express';
import express from 'express';
import { expressRoutes } from './express-routes.mjs';
import { itemNotFoundDetail, nullLogger } from './fixtures.mjs';
import { listenNode } from './listen.mjs';

/**
 * Express with `problemJson()` in place of `express.json()`, `problemResponse()` so that
 * `/lookup/:id` answers its 404 with `res.problem()`, and `problemHandlers()` last.
 */
export function start() {
  const app = express();
  app.use(problemJson());
  app.use(problemResponse());
  expressRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
    invalid: (ajvErrors) => validationProblem(ajvErrors),
    lookup: (req, res) =>
      res.problem('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(req.params.id) }),
  });
  app.use(problemHandlers({ logger: nullLogger() }));
  return listenNode(app);
}
