import { ITEMS, itemSchema, UNEXPECTED_MESSAGE } from './fixtures.mjs';

/**
 * The routes every Fastify contender serves. Only `notFound(id)`, the 404 a contender's users
 * would throw, differs between them, and `lookup(request, reply)`: a route that answers its 404
 * without throwing, served by the contenders that can (the others answer `/lookup/…` with their
 * not-found handler).
 *
 * @example fastifyRoutes(app, { notFound: (id) => app.httpErrors.notFound(`Item '${id}'`) });
 */
export function fastifyRoutes(app, { notFound, lookup }) {
  app.get('/items', async () => ITEMS);
  app.post('/items', { schema: { body: itemSchema } }, async (request, reply) => {
    reply.code(201);
    return { id: 7, name: request.body.name };
  });
  app.get('/items/:id', async (request) => {
    throw notFound(request.params.id);
  });
  if (lookup !== undefined) app.get('/lookup/:id', lookup);
  app.get('/boom', async () => {
    throw new Error(UNEXPECTED_MESSAGE);
  });
}
