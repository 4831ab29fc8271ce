import { once } from 'node:events';
import { problemHandlers } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const notAllowed = (method: string) => ({
  status: 405,
  title: 'Method Not Allowed',
  type: 'about:blank',
  detail: `The ${method} method is not allowed on this resource.`,
  error_code: 'METHOD_NOT_ALLOWED',
});

describe.each(frameworks)('unmatched methods on $name', ({ express }) => {
  const ok = (_req: unknown, res: { end(): void }) => res.end();

  function finish(app: ReturnType<typeof express>) {
    app.use(problemHandlers({ logger: silentLogger }));
    return app;
  }

  async function expect405(
    app: ReturnType<typeof express>,
    method: 'put' | 'post' | 'patch' | 'delete' | 'get',
    path: string,
    allow: string,
  ) {
    const response = await request(app)[method](path);
    expectProblem(response, 405, notAllowed(method.toUpperCase()));
    expect(response.headers.allow).toBe(allow);
  }

  it('does no work for a request a route answers: the walk runs only on the not-found path', async () => {
    interface Layer {
      route?: unknown;
      match(path: string): unknown;
    }
    const app = express();
    app.get('/datasets', ok);
    finish(app);
    const internals = app as unknown as {
      _router?: { stack: Layer[] };
      router: { stack: Layer[] };
    };
    const layer = (internals._router ?? internals.router).stack.find((each) => each.route)!;
    const match = layer.match;
    let calls = 0;
    layer.match = function counted(path) {
      calls++;
      return match.call(this, path);
    };
    expect((await request(app).get('/datasets')).status).toBe(200);
    expect(calls).toBe(1); // Express's own dispatch
    calls = 0;
    expect((await request(app).put('/datasets')).status).toBe(405);
    expect(calls).toBe(2); // dispatch, then the walk
  });

  it('answers 405 with the exact, sorted Allow of the path (HEAD where GET is served)', async () => {
    const app = express();
    app.post('/datasets', ok);
    app.get('/datasets', ok);
    await expect405(finish(app), 'put', '/datasets', 'GET, HEAD, POST');
  });

  it('matches route parameters, and ignores the query and a trailing slash', async () => {
    const app = express();
    app.get('/datasets/:id', ok);
    app.delete('/datasets/:id', ok);
    finish(app);
    await expect405(app, 'put', '/datasets/7', 'DELETE, GET, HEAD');
    await expect405(app, 'put', '/datasets/7/?force=1', 'DELETE, GET, HEAD');
  });

  it('reads app.route() chains', async () => {
    const app = express();
    app.route('/items').get(ok).post(ok);
    await expect405(finish(app), 'patch', '/items', 'GET, HEAD, POST');
  });

  it('looks inside routers mounted at a prefix, however deep', async () => {
    const app = express();
    const api = express.Router();
    const admin = express.Router();
    api.get('/users/:id', ok);
    api.patch('/users/:id', ok);
    admin.delete('/keys/:key', ok);
    api.use('/admin', admin);
    app.use('/api', api);
    finish(app);
    await expect405(app, 'post', '/api/users/9', 'GET, HEAD, PATCH');
    await expect405(app, 'get', '/api/admin/keys/k1', 'DELETE');
    expectProblem(await request(app).post('/api/nope'), 404, {
      status: 404,
      title: 'Not Found',
      type: 'about:blank',
      detail: 'No resource exists at this URL.',
      error_code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('merges every route that matches the path', async () => {
    const app = express();
    app.get('/things/:id', ok);
    app.put('/things/special', ok);
    await expect405(finish(app), 'post', '/things/special', 'GET, HEAD, PUT');
  });

  it('never answers 405 for a path served by router.all()', async () => {
    const app = express();
    app.all('/anything', (req, res) => {
      res.send(req.method);
    });
    finish(app);
    const response = await request(app).put('/anything');
    expect(response.status).toBe(200);
    expect(response.text).toBe('PUT');
  });

  it('counts the methods of a route whose .all() middleware passed the request on', async () => {
    const app = express();
    app
      .route('/guarded')
      .all((_req, _res, next) => next())
      .get(ok);
    await expect405(finish(app), 'put', '/guarded', 'GET, HEAD');
  });

  it('matches regular-expression and array paths with the router’s own matcher', async () => {
    const app = express();
    app.get(/^\/reports\/(\d+)$/, ok);
    app.get(['/a', '/b'], ok);
    finish(app);
    await expect405(app, 'post', '/reports/12', 'GET, HEAD');
    await expect405(app, 'delete', '/b', 'GET, HEAD');
    expect((await request(app).post('/reports/ab')).status).toBe(404);
  });

  it('answers HEAD on a POST-only path with the 405 headers and no body', async () => {
    const app = express();
    app.post('/uploads', ok);
    const response = await request(finish(app)).head('/uploads');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.text).toBeUndefined();
  });

  it('works when the handlers are mounted under a prefix, in a router', async () => {
    const app = express();
    const api = express.Router();
    api.get('/x', ok);
    api.use(problemHandlers({ logger: silentLogger }));
    app.use('/api', api);
    await expect405(app, 'put', '/api/x', 'GET, HEAD');
  });

  it('works inside a sub-app that installs its own handlers', async () => {
    const app = express();
    const sub = express();
    sub.get('/ping', ok);
    sub.use(problemHandlers({ logger: silentLogger }));
    app.use('/sub', sub);
    await expect405(app, 'post', '/sub/ping', 'GET, HEAD');
  });

  describe('answers built once', () => {
    it('gives each refused method its own detail, and each path its own Allow', async () => {
      const app = express();
      app.get('/a', ok);
      app.post('/a', ok);
      app.post('/b', ok);
      app.get('/b', ok);
      app.delete('/c', ok);
      finish(app);
      for (let pass = 0; pass < 2; pass++) {
        await expect405(app, 'put', '/a', 'GET, HEAD, POST');
        await expect405(app, 'delete', '/a', 'GET, HEAD, POST');
        await expect405(app, 'put', '/b', 'GET, HEAD, POST');
        await expect405(app, 'put', '/c', 'DELETE');
        await expect405(app, 'get', '/c', 'DELETE');
      }
    });

    it('still passes every 404 and 405 through the mappers, with instance', async () => {
      const seen: string[] = [];
      const app = express();
      app.get('/items', ok);
      app.use(
        problemHandlers({
          logger: silentLogger,
          instance: true,
          mappers: [
            (error) => {
              seen.push((error as { code?: string }).code ?? '?');
              return undefined;
            },
          ],
        }),
      );
      for (const path of ['/nope', '/gone']) {
        const response = await request(app).get(path);
        expect(response.status).toBe(404);
        expect(response.body.instance).toBe(path);
      }
      const refused = await request(app).put('/items');
      expect(refused.body).toEqual({ ...notAllowed('PUT'), instance: '/items' });
      expect(seen).toEqual(['RESOURCE_NOT_FOUND', 'RESOURCE_NOT_FOUND', 'METHOD_NOT_ALLOWED']);
    });

    it('stays right for more refusals than it keeps', async () => {
      const methods = [
        'delete',
        'get',
        'patch',
        'post',
        'put',
        'lock',
        'unlock',
        'search',
      ] as const;
      const app = express();
      const cases: { path: string; method: string; allow: string }[] = [];
      for (let subset = 1; subset < 2 ** methods.length && cases.length < 300; subset++) {
        const served = methods.filter((_method, index) => (subset >> index) & 1);
        const path = `/paths/${subset}`;
        for (const method of served) app[method](path, ok);
        const upper = served.map((method) => method.toUpperCase());
        const allow = [...upper, ...(upper.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
        for (const method of methods) {
          if (!served.includes(method)) cases.push({ path, method: method.toUpperCase(), allow });
        }
      }
      finish(app);
      expect(cases.length).toBeGreaterThan(256);
      // One server for all 300 requests: a server per request is most of this test's time.
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        for (const { path, method, allow } of cases) {
          const response = await request(server)[method.toLowerCase() as 'put'](path);
          expect(response.status).toBe(405);
          expect(response.headers.allow).toBe(allow);
          expect(response.body).toEqual(notAllowed(method));
        }
      } finally {
        server.close();
      }
    }, 300_000);
  });
});
