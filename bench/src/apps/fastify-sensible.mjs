import sensible from '@fastify/sensible';
import Fastify from 'fastify';
import { fastifyRoutes } from './fastify-routes.mjs';
import { fastifyOptions, itemNotFoundDetail } from './fixtures.mjs';
import { listenFastify } from './listen.mjs';

/** @fastify/sensible: `httpErrors.notFound()` thrown, `reply.notFound()` for unmatched routes. */
export async function start() {
  const app = Fastify(fastifyOptions());
  await app.register(sensible);
  app.setNotFoundHandler((_request, reply) => {
    reply.notFound();
  });
  fastifyRoutes(app, { notFound: (id) => app.httpErrors.notFound(itemNotFoundDetail(id)) });
  return listenFastify(app);
}
