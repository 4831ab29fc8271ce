import { appUnderTest, itemRoutes, notAllowed, notFound, PROBLEM_TYPE, versions } from './helpers';

describe.each(versions)('%s: unmatched paths', (_name, version) => {
  const { build, start } = appUnderTest(version, itemRoutes);

  it('answers a path no route serves with 404 RESOURCE_NOT_FOUND', async () => {
    const response = await (await start()).inject({ url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.headers.allow).toBeUndefined();
    expect(response.json()).toEqual(notFound);
  });

  it('answers OPTIONS on a served path with 204 and Allow', async () => {
    const response = await (await start()).inject({ method: 'OPTIONS', url: '/items' });
    expect(response.statusCode).toBe(204);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
    expect(response.headers['content-type']).toBeUndefined();
    expect(response.body).toBe('');
  });

  it('answers OPTIONS on an unserved path with the 404 problem', async () => {
    const response = await (await start()).inject({ method: 'OPTIONS', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual(notFound);
  });

  it('answers OPTIONS with 405 when answerOptions is off', async () => {
    const app = await start({ answerOptions: false });
    const response = await app.inject({ method: 'OPTIONS', url: '/items' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
    expect(response.json()).toEqual(notAllowed('OPTIONS'));
  });

  it("leaves an app's own OPTIONS route alone", async () => {
    const app = await build((app) => {
      app.get('/items', async () => []);
      app.options('/items', async (_request, reply) => reply.code(200).send('custom'));
    });
    const response = await app.inject({ method: 'OPTIONS', url: '/items' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('custom');
  });

  it('adds instance to a 404 when asked', async () => {
    const response = await (await start({ instance: true })).inject({ url: '/nope?x=1' });
    expect(response.json()).toEqual({ ...notFound, instance: '/nope' });
  });

  describe('with notFound: false', () => {
    it('leaves the not-found handler to the app, which can compose the pieces', async () => {
      const app = await build(
        (app) => {
          app.get('/items', async () => []);
          app.setNotFoundHandler((request, reply) => {
            if (request.url === '/legacy') {
              reply.redirect('/items');
              return;
            }
            app.faultline.notFoundHandler(request, reply);
          });
        },
        { notFound: false },
      );
      expect((await app.inject({ url: '/legacy' })).statusCode).toBe(302);
      const notAllowedResponse = await app.inject({ method: 'DELETE', url: '/items' });
      expect(notAllowedResponse.statusCode).toBe(405);
      expect(notAllowedResponse.headers.allow).toBe('GET, HEAD');
      expect((await app.inject({ url: '/nope' })).json()).toEqual(notFound);
    });

    it('exposes the allowed methods of a request', async () => {
      let allowed: string[] = [];
      const app = await build(
        (app) => {
          app.get('/items', async () => []);
          app.setNotFoundHandler(async (request, reply) => {
            allowed = app.faultline.allowedMethods(request);
            return reply.code(404).send();
          });
        },
        { notFound: false },
      );
      await app.inject({ method: 'PUT', url: '/items' });
      expect(allowed).toEqual(['GET', 'HEAD']);
    });
  });
});
