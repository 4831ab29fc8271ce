import Fastify from 'fastify';
import { fastifyRoutes } from './fastify-routes.mjs';
import { faultlinePackage } from './faultline-packages.mjs';
import { fastifyOptions, itemNotFoundDetail } from './fixtures.mjs';
import { listenFastify } from './listen.mjs';

const { defineProblems } = await faultlinePackage('core');
const { faultline } = await faultlinePackage('fastify');

/**
 * Fastify with the faultline plugin and its defaults: the route's 4xx `ProblemError` (a class
 * from `defineProblems`, as an application's would be) skips stack capture unless `stackPolicy`
 * asks for stacks; `/lookup/:id` answers the same 404 with `reply.problem()`, without throwing.
 * `adapterOptions` are passed to the plugin beside the registry.
 */
export async function start({ stackPolicy, adapterOptions = {} } = {}) {
  const { registry, ProblemError } = defineProblems(
    stackPolicy === undefined ? {} : { stackPolicy },
  );
  const app = Fastify(fastifyOptions());
  await app.register(faultline, { registry, ...adapterOptions });
  fastifyRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
    lookup: (request, reply) =>
      reply.problem('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(request.params.id) }),
  });
  return listenFastify(app);
}
