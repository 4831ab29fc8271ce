import { faultline, problemFrameworkErrors } from '@faultline/fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { FaultlineOptions } from '../src/options';
import { expected, PROBLEM_TYPE, problems, versions } from './helpers';

describe.each(versions)('%s: errors raised before routing (frameworkErrors)', (_name, version) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(server: FastifyServerOptions = {}, extra: FaultlineOptions = {}) {
    const options: FaultlineOptions = { registry: problems.registry, ...extra };
    app = version.Fastify({ frameworkErrors: problemFrameworkErrors(options), ...server });
    await app.register(faultline, options);
    app.get('/items/:id', async () => ({}));
    await app.ready();
    return app;
  }

  it('answers a badly percent-encoded path with 400 VALIDATION_ERROR', async () => {
    const response = await (await start({}, { instance: true })).inject({ url: '/items/%zz' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.json()).toEqual(
      expected(400, 'invalid-request', 'Bad Request', {
        detail: 'The request URL is not correctly percent-encoded.',
        instance: '/items/%25zz',
        error_code: 'VALIDATION_ERROR',
      }),
    );
  });

  it('answers a path parameter over maxParamLength (414 on Fastify 5, 404 on Fastify 4)', async () => {
    const app = await start({ maxParamLength: 10 });
    const response = await app.inject({ url: `/items/${'x'.repeat(20)}` });
    if (version.major === 5) {
      expect(response.statusCode).toBe(414);
      expect(response.json()).toEqual({
        status: 414,
        title: 'URI Too Long',
        type: 'about:blank',
        detail: 'A path segment of the request URL is longer than this server accepts.',
        error_code: 'URI_TOO_LONG',
      });
    } else {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error_code: 'RESOURCE_NOT_FOUND' });
    }
  });

  it('answers a failing async route constraint with a 500 problem', async () => {
    const options: FaultlineOptions = { registry: problems.registry };
    app = version.Fastify({
      frameworkErrors: problemFrameworkErrors(options),
      constraints: {
        tenant: {
          name: 'tenant',
          storage() {
            const handlers = new Map<string, unknown>();
            return {
              get: (value: string) => handlers.get(value) ?? null,
              set: (value: string, handler: unknown) => {
                handlers.set(value, handler);
              },
            };
          },
          validate() {},
          deriveConstraint(
            _request: unknown,
            _context: unknown,
            done: (error: Error | null, value?: string) => void,
          ) {
            done(new Error('tenant service down'));
          },
          mustMatchWhenDerived: true,
        },
      },
    } as unknown as FastifyServerOptions);
    await app.register(faultline, options);
    app.get('/t', { constraints: { tenant: 'a' } }, async () => ({}));
    await app.ready();
    const response = await app.inject({ url: '/t' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual(
      expected(500, 'internal-server-error', 'Internal Server Error', {
        detail: 'An unexpected error occurred.',
      }),
    );
  });

  if (version.major === 5) {
    it('answers a handler over handlerTimeout with 503', async () => {
      app = version.Fastify({ handlerTimeout: 20 } as FastifyServerOptions);
      await app.register(faultline, { registry: problems.registry });
      // A handler that never finishes: the timeout answers, however slow the machine.
      app.get('/slow', () => new Promise(() => {}));
      await app.ready();
      const response = await app.inject({ url: '/slow' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual(
        expected(503, 'service-unavailable', 'Service Unavailable', {
          detail: 'The server did not finish the request in time.',
        }),
      );
    });
  }
});
