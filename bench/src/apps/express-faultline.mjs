import { ProblemError, validationProblem } from '@faultline/core';
import { problemHandlers, problemJson } from '@faultline/express';
import express from 'express';
import { expressRoutes } from './express-routes.mjs';
import { itemNotFoundDetail, nullLogger } from './fixtures.mjs';
import { listenNode } from './listen.mjs';

/** Express with `problemJson()` in place of `express.json()` and `problemHandlers()` last. */
export function start() {
  const app = express();
  app.use(problemJson());
  expressRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
    invalid: (ajvErrors) => validationProblem(ajvErrors),
  });
  app.use(problemHandlers({ logger: nullLogger() }));
  return listenNode(app);
}
