import { ProblemError } from '@faultline/core';
import Fastify from 'fastify';
import { fastifyRoutes } from './fastify-routes.mjs';
import { fastifyOptions, itemNotFoundDetail } from './fixtures.mjs';
import { listenFastify } from './listen.mjs';

/** Fastify as it comes: its default error handler and its default 404. */
export async function start() {
  const app = Fastify(fastifyOptions());
  fastifyRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
  });
  return listenFastify(app);
}
