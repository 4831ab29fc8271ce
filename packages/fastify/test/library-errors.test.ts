import Boom from '@hapi/boom';
import type { FastifyInstance } from 'fastify';
import createError from 'http-errors';
import { build, expected, versions } from './helpers';

const crash = expected(500, 'internal-server-error', 'Internal Server Error', {
  detail: 'An unexpected error occurred.',
});

describe.each(versions)('%s: errors of well-known libraries', (_name, version) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function thrown(error: () => unknown) {
    app = await build(version, (app) =>
      app.get('/x', async () => {
        throw error();
      }),
    );
    return app.inject({ url: '/x' });
  }

  describe('@fastify/sensible', () => {
    async function sensible(route: (app: FastifyInstance) => void) {
      app = await build(version, async (app) => {
        await app.register(version.sensible);
        route(app);
      });
      return app.inject({ url: '/x' });
    }

    it('answers httpErrors.notFound(message) with 404 and the message', async () => {
      const response = await sensible((app) =>
        app.get('/x', async () => {
          throw app.httpErrors.notFound("Dataset with ID 'ZGF0YXNldC10ZXN0' was not found.");
        }),
      );
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(
        expected(404, 'resource-not-found', 'Not Found', {
          detail: "Dataset with ID 'ZGF0YXNldC10ZXN0' was not found.",
          error_code: 'RESOURCE_NOT_FOUND',
        }),
      );
    });

    it('answers reply.conflict() with 409', async () => {
      const response = await sensible((app) =>
        app.get('/x', async (_request, reply) => reply.conflict('Name taken.')),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json()).toEqual(
        expected(409, 'resource-conflict', 'Conflict', {
          detail: 'Name taken.',
          error_code: 'RESOURCE_ALREADY_EXISTS',
        }),
      );
    });

    it('never shows the message of httpErrors.internalServerError()', async () => {
      const response = await sensible((app) =>
        app.get('/x', async () => {
          throw app.httpErrors.internalServerError('db password hunter2');
        }),
      );
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual(crash);
    });
  });

  describe('http-errors', () => {
    it('answers a 4xx with a status the catalogue has no type for, keeping the status', async () => {
      const response = await thrown(() => createError(410, 'This dataset was retired.'));
      expect(response.statusCode).toBe(410);
      expect(response.json()).toEqual({
        status: 410,
        title: 'Gone',
        type: 'about:blank',
        detail: 'This dataset was retired.',
        error_code: 'GONE',
      });
    });

    it('keeps an error code of the catalogue that matches the status', async () => {
      const response = await thrown(() =>
        createError(422, 'Pick private or public.', { code: 'INVALID_ENUM_VALUE' }),
      );
      expect(response.json()).toEqual(
        expected(422, 'validation-error', 'Unprocessable Entity', {
          detail: 'Pick private or public.',
          error_code: 'INVALID_ENUM_VALUE',
        }),
      );
    });

    it("applies the error's headers", async () => {
      const response = await thrown(() =>
        createError(429, 'Slow down.', { headers: { 'Retry-After': '7', 'X-Trace': 'abc' } }),
      );
      expect(response.statusCode).toBe(429);
      expect(response.headers['retry-after']).toBe('7');
      expect(response.headers['x-trace']).toBe('abc');
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });

  describe('@hapi/boom', () => {
    it('answers Boom.conflict() with 409 and its message', async () => {
      const response = await thrown(() => Boom.conflict('Name taken.'));
      expect(response.statusCode).toBe(409);
      expect(response.json()).toEqual(
        expected(409, 'resource-conflict', 'Conflict', {
          detail: 'Name taken.',
          error_code: 'RESOURCE_ALREADY_EXISTS',
        }),
      );
    });

    it("answers Boom.unauthorized() with 401 and Boom's challenge", async () => {
      const response = await thrown(() => Boom.unauthorized('Token expired.', 'Bearer'));
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer error="Token expired."');
      expect(response.json()).toMatchObject({ error_code: 'AUTHENTICATION_REQUIRED' });
    });

    it('never shows the message of Boom.badImplementation()', async () => {
      const response = await thrown(() => Boom.badImplementation('db password hunter2'));
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual(crash);
    });
  });
});
