import type { FastifyServerOptions } from 'fastify';
import { appUnderTest, itemRoutes, notAllowed, notFound, PROBLEM_TYPE, versions } from './helpers';

describe.each(versions)('%s: unmatched paths and methods', (_name, version) => {
  const { build, start } = appUnderTest(version, itemRoutes);

  it.each([
    ['PUT', '/items', 'GET, HEAD, POST'],
    ['PATCH', '/items/7', 'DELETE, GET, HEAD'],
    ['PUT', '/items?page=2', 'GET, HEAD, POST'],
    ['GET', '/api/users/1', 'PATCH'],
    ['HEAD', '/api/users/1', 'PATCH'],
  ] as const)('answers %s %s with 405 and Allow: %s', async (method, url, allow) => {
    const response = await (await start()).inject({ method, url });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    if (method !== 'HEAD') expect(response.json()).toEqual(notAllowed(method));
  });

  it('leaves HEAD out of Allow where Fastify does not serve it', async () => {
    const app = await start({}, { exposeHeadRoutes: false });
    const response = await app.inject({ method: 'PUT', url: '/items' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, POST');
  });

  it("follows the app's ignoreTrailingSlash setting", async () => {
    const strict = await start();
    expect((await strict.inject({ method: 'PUT', url: '/api/users/1/' })).statusCode).toBe(404);
    await strict.close();
    const lenient = await start(
      {},
      // Fastify 5 reads router settings from routerOptions (the top-level one is deprecated).
      version.major === 5
        ? ({ routerOptions: { ignoreTrailingSlash: true } } as FastifyServerOptions)
        : { ignoreTrailingSlash: true },
    );
    const response = await lenient.inject({ method: 'PUT', url: '/api/users/1/' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('PATCH');
  });

  it('is case-sensitive, as routing is', async () => {
    const response = await (await start()).inject({ method: 'PUT', url: '/ITEMS' });
    expect(response.statusCode).toBe(404);
  });

  it('finds routes bound to the request host', async () => {
    const app = await start();
    const served = await app.inject({
      method: 'PUT',
      url: '/hosted',
      headers: { host: 'a.example' },
    });
    expect(served.statusCode).toBe(405);
    expect(served.headers.allow).toBe('GET, HEAD');
    const other = await app.inject({
      method: 'PUT',
      url: '/hosted',
      headers: { host: 'b.example' },
    });
    expect(other.statusCode).toBe(404);
  });

  it('probes the methods of every route added, custom ones included', async () => {
    const app = await build((app) => {
      if (version.major === 5)
        (app as unknown as { addHttpMethod(m: string): void }).addHttpMethod('PROPFIND');
      app.route({ method: 'PROPFIND' as 'GET', url: '/dav', handler: async () => ({}) });
    });
    const response = await app.inject({ method: 'GET', url: '/dav' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('PROPFIND');
  });

  describe('answers built once', () => {
    it('sends the same bytes to every unmatched path, and each refused method its own detail', async () => {
      const app = await start();
      const first = await app.inject({ url: '/nope' });
      const again = await app.inject({ url: '/nothing/else' });
      expect(again.body).toBe(first.body);
      expect(again.headers).toMatchObject({
        'content-type': PROBLEM_TYPE,
        'content-length': String(Buffer.byteLength(first.body)),
      });
      for (const method of ['PUT', 'DELETE', 'PUT', 'PATCH', 'DELETE'] as const) {
        const response = await app.inject({ method, url: '/items' });
        expect(response.statusCode).toBe(405);
        expect(response.headers.allow).toBe('GET, HEAD, POST');
        expect(response.json()).toEqual(notAllowed(method));
      }
    });

    it('answers HEAD with the length of the body it leaves out', async () => {
      const app = await start();
      const get = await app.inject({ url: '/nope' });
      const head = await app.inject({ method: 'HEAD', url: '/nope' });
      expect(head.statusCode).toBe(404);
      expect(head.body).toBe('');
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)));
    });

    it("keeps the headers a hook set, except those that describe the problem's body", async () => {
      const app = await build((app) => {
        app.addHook('onRequest', async (_request, reply) => {
          reply.header('x-trace', 'abc').header('content-type', 'text/html');
        });
        app.get('/items', async () => []);
      });
      for (const [method, url] of [
        ['GET', '/nope'],
        ['DELETE', '/items'],
      ] as const) {
        const response = await app.inject({ method, url });
        expect(response.headers['x-trace']).toBe('abc');
        expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
      }
    });

    it("still passes every 404 and 405 through the application's mappers", async () => {
      const seen: string[] = [];
      const app = await start({
        mappers: [
          (error) => {
            seen.push((error as { code?: string }).code ?? '?');
            return undefined;
          },
        ],
        instance: true,
      });
      expect((await app.inject({ url: '/nope' })).json()).toEqual({
        ...notFound,
        instance: '/nope',
      });
      expect((await app.inject({ url: '/gone' })).json()).toEqual({
        ...notFound,
        instance: '/gone',
      });
      const refused = await app.inject({ method: 'PUT', url: '/items' });
      expect(refused.json()).toEqual({ ...notAllowed('PUT'), instance: '/items' });
      expect(seen).toEqual(['RESOURCE_NOT_FOUND', 'RESOURCE_NOT_FOUND', 'METHOD_NOT_ALLOWED']);
    });

    it('stays right for more refusals than it keeps', async () => {
      const methods = ['DELETE', 'GET', 'LOCK', 'PATCH', 'POST', 'PUT', 'TRACE', 'UNLOCK'];
      const cases: { url: string; method: string; allow: string }[] = [];
      const app = await build((app) => {
        const custom = app as unknown as { addHttpMethod?: (method: string) => void };
        for (const method of ['LOCK', 'UNLOCK']) custom.addHttpMethod?.(method);
        for (let subset = 1; subset < 2 ** methods.length; subset++) {
          const served = methods.filter((_method, index) => (subset >> index) & 1);
          const url = `/paths/${subset}`;
          app.route({ method: served, url, handler: async () => ({}) });
          const allow = [...served, ...(served.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
          for (const method of methods) {
            if (!served.includes(method)) cases.push({ url, method, allow });
          }
        }
      });
      expect(cases.length).toBeGreaterThan(300);
      for (const { url, method, allow } of cases.slice(0, 300)) {
        const response = await app.inject({ method: method as 'GET', url });
        expect(response.statusCode).toBe(405);
        expect(response.headers.allow).toBe(allow);
        expect(response.json()).toEqual(notAllowed(method));
      }
    });
  });
});
