import express from 'express';
import { expressRoutes } from './express-routes.mjs';
import { faultlinePackage } from './faultline-packages.mjs';
import { itemNotFoundDetail, nullLogger } from './fixtures.mjs';
import { listenNode } from './listen.mjs';

const { ProblemError, validationProblem } = await faultlinePackage('core');
const { problemHandlers, problemJson, problemResponse } = await faultlinePackage('express');

/**
 * Express with `problemJson()` in place of `express.json()`, `problemResponse()` so that
 * `/lookup/:id` answers its 404 with `res.problem()`, and `problemHandlers()` last, given
 * `adapterOptions` beside its logger.
 */
export function start({ adapterOptions = {} } = {}) {
  const app = express();
  app.use(problemJson());
  app.use(problemResponse());
  expressRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
    invalid: (ajvErrors) => validationProblem(ajvErrors),
    lookup: (req, res) =>
      res.problem('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(req.params.id) }),
  });
  app.use(problemHandlers({ logger: nullLogger(), ...adapterOptions }));
  return listenNode(app);
}
