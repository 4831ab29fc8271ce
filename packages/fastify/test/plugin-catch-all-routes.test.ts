import cors5 from '@fastify/cors';
import cors4 from 'cors4';
import type { FastifyPluginAsync } from 'fastify';
import { appUnderTest, itemRoutes, notAllowed, notFound, versions } from './helpers';
import { overHttp } from './over-http';

const corsFor = (major: 4 | 5) =>
  (major === 5 ? cors5 : cors4) as unknown as FastifyPluginAsync<Record<string, unknown>>;

/**
 * @fastify/cors registers `OPTIONS *`, a route that matches every URL: it answers preflights, and
 * says nothing about which paths exist. An unknown path stays a 404, as it is without faultline.
 */
describe.each(versions)('%s: routes that match every URL', (_name, version) => {
  const { build } = appUnderTest(version);

  async function withCors() {
    const app = await build(async (instance) => {
      await instance.register(corsFor(version.major), { origin: 'https://app.example' });
      itemRoutes(instance);
    });
    return overHttp(app);
  }

  it.each(['GET', 'POST', 'DELETE'])(
    'answers %s to an unknown path 404 with CORS registered',
    async (method) => {
      const send = await withCors();
      const response = await send('/unknown/path', { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('allow')).toBeNull();
      expect(response.json()).toEqual(notFound);
    },
  );

  it('answers a real path 405, with OPTIONS in Allow since CORS serves it there', async () => {
    const send = await withCors();
    const response = await send('/items', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect(response.json()).toEqual(notAllowed('PUT'));
  });

  it('still answers a preflight', async () => {
    const send = await withCors();
    const response = await send('/items', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it("counts an app's own catch-all route only where a route of the path is found", async () => {
    const app = await build((instance) => {
      instance.get('/*', async () => 'the single-page app');
      instance.post('/items', async () => ({}));
    });
    const send = await overHttp(app);
    expect((await send('/unknown', { method: 'PUT' })).status).toBe(404);
    const served = await send('/items', { method: 'PUT' });
    expect(served.status).toBe(405);
    expect(served.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('still counts a wildcard under a prefix as serving its paths', async () => {
    const app = await build((instance) => {
      instance.get('/files/*', async () => 'a file');
    });
    const send = await overHttp(app);
    const response = await send('/files/a/b.txt', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
