import { ProblemError } from '@faultline/core';
import { faultline } from '@faultline/fastify';
import Fastify from 'fastify';
import { fastifyRoutes } from './fastify-routes.mjs';
import { fastifyOptions, itemNotFoundDetail } from './fixtures.mjs';
import { listenFastify } from './listen.mjs';

/**
 * Fastify with the faultline plugin and its defaults. With `captureStack: false` the route's
 * ProblemError skips stack capture, as hot expected errors may.
 */
export async function start({ captureStack = true } = {}) {
  const app = Fastify(fastifyOptions());
  await app.register(faultline);
  fastifyRoutes(app, {
    notFound: (id) =>
      new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id), captureStack }),
  });
  return listenFastify(app);
}
