import { problemHandlers, problemJson } from '@faultline/express';
import type { RequestHandler } from 'express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';

const echo: RequestHandler = (req, res) => {
  res.json({ body: (req.body as unknown) ?? null });
};

const malformed = '{"name":';

describe.each(frameworks)('routing decides before a body is refused, on $name', ({ express }) => {
  const post = (app: ReturnType<typeof express>, path: string, body: string, type: string) =>
    request(app).post(path).set('Content-Type', type).send(body);

  it('answers a body to a path no route serves with 404, and to one served otherwise with 405', async () => {
    const app = express();
    app.use(problemJson());
    app.get('/datasets', echo);
    app.use(problemHandlers({ logger: silentLogger }));
    expect((await post(app, '/nowhere', 'x', 'text/plain')).status).toBe(404);
    expect((await post(app, '/nowhere', malformed, 'application/json')).status).toBe(404);
    const refused = await post(app, '/datasets', 'x', 'text/plain');
    expect(refused.status).toBe(405);
    expect(refused.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    [
      'a sub-app mounted at the root',
      (app: ReturnType<typeof express>) => {
        const sub = express();
        sub.post('/x', echo);
        app.use(sub);
      },
      '/x',
    ],
    [
      'a dispatcher function mounted at the root',
      (app: ReturnType<typeof express>) => {
        const api = express.Router();
        api.post('/x', echo);
        app.use((req, res, next) => api(req, res, next));
      },
      '/x',
    ],
    [
      'a sub-app under a prefix',
      (app: ReturnType<typeof express>) => {
        const sub = express();
        sub.post('/x', echo);
        app.use('/s', sub);
      },
      '/s/x',
    ],
    [
      'an .all() route',
      (app: ReturnType<typeof express>) => {
        app.all('/x', echo);
      },
      '/x',
    ],
  ])('still refuses a bad body to %s, which may serve it unseen', async (_what, mount, path) => {
    const app = express();
    app.use(problemJson());
    mount(app);
    app.use(problemHandlers({ logger: silentLogger }));
    const response = await post(app, path, malformed, 'application/json');
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('VALIDATION_ERROR');
    expect((await post(app, path, 'x', 'text/plain')).status).toBe(415);
  });

  it('refuses a bad body inside a router inside a sub-app, where the lookup cannot be sure', async () => {
    const app = express();
    const sub = express();
    const router = express.Router();
    router.use(problemJson());
    router.post('/x', echo);
    sub.use('/r', router);
    app.use('/s', sub);
    app.use(problemHandlers({ logger: silentLogger }));
    expect((await post(app, '/s/r/x', malformed, 'application/json')).status).toBe(400);
  });
});
