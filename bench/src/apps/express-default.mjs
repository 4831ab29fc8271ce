import { ProblemError } from '@faultline/core';
import express from 'express';
import { expressRoutes, plainValidationError } from './express-routes.mjs';
import { itemNotFoundDetail } from './fixtures.mjs';
import { listenNode } from './listen.mjs';

/** Express as it comes: `express.json()`, the routes, and finalhandler for every error. */
export function start() {
  const app = express();
  app.use(express.json());
  expressRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
    invalid: plainValidationError,
  });
  return listenNode(app);
}
