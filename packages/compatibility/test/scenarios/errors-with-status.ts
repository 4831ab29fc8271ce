import createFastifyError from '@fastify/error';
import sensible from '@fastify/sensible';
import Boom from '@hapi/boom';
import createError from 'http-errors';
import type { Scenario } from '../support/scenario';

/** A handler of `GET /` on either framework throws what `make` makes. */
function thrownFromHandler(packageName: string, make: () => unknown): Scenario {
  return {
    package: packageName,
    express: (app) => {
      app.get('/', () => {
        throw make();
      });
    },
    fastify: (app) => {
      app.get('/', async () => {
        throw make();
      });
    },
    requests: () => [{ method: 'GET', path: '/' }],
    hidesMessage: false,
  };
}

/** The Fastify ecosystem's own libraries are played on Fastify alone. */
function onFastifyOnly({ express: _, ...scenario }: Scenario): Scenario {
  return scenario;
}

const NameTaken = createFastifyError('APP_NAME_TAKEN', 'The name %s is taken.', 409);

export const errorsWithStatusScenarios: Readonly<Record<string, Scenario>> = {
  "http-errors / a 4xx of `createError(409, 'The name is taken.')`": thrownFromHandler(
    'http-errors',
    () => createError(409, 'The name is taken.'),
  ),
  "http-errors / `createError(405, { headers: { Allow: 'GET, POST' } })`": thrownFromHandler(
    'http-errors',
    () => createError(405, { headers: { Allow: 'GET, POST' } }),
  ),
  "@hapi/boom / `Boom.methodNotAllowed(message, data, ['GET', 'POST'])`": thrownFromHandler(
    '@hapi/boom',
    () => Boom.methodNotAllowed('Datasets are read and created only.', null, ['GET', 'POST']),
  ),
  "@hapi/boom / `Boom.unauthorized(null, 'Bearer', { error: 'invalid_token' })`": thrownFromHandler(
    '@hapi/boom',
    () => Boom.unauthorized(null, 'Bearer', { error: 'invalid_token' }),
  ),
  "@fastify/error / a 4xx of `createError('APP_NAME_TAKEN', 'The name %s is taken.', 409)`":
    onFastifyOnly(thrownFromHandler('@fastify/error', () => new NameTaken('trees'))),
  "@fastify/sensible / `app.httpErrors.conflict('The name is taken.')`": {
    package: '@fastify/sensible',
    fastify5Only: true,
    fastify: async (app) => {
      await app.register(sensible);
      app.get('/', async () => {
        throw app.httpErrors.conflict('The name is taken.');
      });
    },
    requests: () => [{ method: 'GET', path: '/' }],
    hidesMessage: false,
  },
};
