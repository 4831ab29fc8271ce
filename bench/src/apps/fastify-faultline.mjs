import { defineProblems } from '@faultline/core';
import { faultline } from '@faultline/fastify';
import Fastify from 'fastify';
import { fastifyRoutes } from './fastify-routes.mjs';
import { fastifyOptions, itemNotFoundDetail } from './fixtures.mjs';
import { listenFastify } from './listen.mjs';

/**
 * Fastify with the faultline plugin and its defaults. With `stackPolicy: 'server-errors'` the
 * route's 4xx `ProblemError` skips stack capture, as an application may choose for all its 4xx.
 */
export async function start({ stackPolicy = true } = {}) {
  const { registry, ProblemError } = defineProblems({ stackPolicy });
  const app = Fastify(fastifyOptions());
  await app.register(faultline, { registry });
  fastifyRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
  });
  return listenFastify(app);
}
