import { problemHandlers } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const notFound = {
  status: 404,
  title: 'Not Found',
  type: 'about:blank',
  detail: 'No resource exists at this URL.',
  error_code: 'RESOURCE_NOT_FOUND',
};

describe.each(frameworks)('unmatched paths on $name', ({ express }) => {
  function datasetsApp(settings: Record<string, boolean> = {}) {
    const app = express();
    for (const [name, value] of Object.entries(settings)) app.set(name, value);
    app.get('/datasets', (_req, res) => {
      res.json([]);
    });
    app.post('/datasets', (_req, res) => {
      res.status(201).end();
    });
    app.get('/datasets/:id', (req, res, next) => {
      if (req.params.id === 'missing') return next();
      res.json({ id: req.params.id });
    });
    app.use(problemHandlers({ logger: silentLogger }));
    return app;
  }

  it('answers a path no route serves with 404 RESOURCE_NOT_FOUND', async () => {
    expectProblem(await request(datasetsApp()).get('/nope'), 404, notFound);
    expectProblem(await request(datasetsApp()).delete('/nope/deeper'), 404, notFound);
  });

  it('answers 404, not 405, when the matching route passed the request on with next()', async () => {
    expectProblem(await request(datasetsApp()).get('/datasets/missing'), 404, notFound);
  });

  it('answers HEAD on an unknown path with the 404 headers and no body', async () => {
    const response = await request(datasetsApp()).head('/nope');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.text).toBeUndefined();
  });

  it('answers OPTIONS on a served path with 204 and the Allow header in one format on both majors', async () => {
    const response = await request(datasetsApp()).options('/datasets');
    expect(response.status).toBe(204);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
  });

  it('answers OPTIONS on an unserved path with the 404 problem', async () => {
    expectProblem(await request(datasetsApp()).options('/nope'), 404, notFound);
  });

  it('follows the app: case-insensitive by default, case-sensitive when set', async () => {
    expect((await request(datasetsApp()).get('/DATASETS')).status).toBe(200);
    expectProblem(
      await request(datasetsApp({ 'case sensitive routing': true })).get('/DATASETS'),
      404,
      notFound,
    );
  });

  it('ignores a trailing slash unless strict routing is on', async () => {
    expect((await request(datasetsApp()).get('/datasets/')).status).toBe(200);
    expectProblem(
      await request(datasetsApp({ 'strict routing': true })).put('/datasets/'),
      404,
      notFound,
    );
  });

  it('sets instance to the path (never the query) when asked', async () => {
    const app = express();
    app.use(problemHandlers({ logger: silentLogger, instance: true }));
    expectProblem(await request(app).get('/nope/7?token=secret'), 404, {
      ...notFound,
      instance: '/nope/7',
    });
  });

  it('answers 404 when a static file server finds no file', async () => {
    const app = express();
    app.use('/static', express.static(__dirname));
    app.use(problemHandlers({ logger: silentLogger }));
    expectProblem(await request(app).get('/static/does-not-exist.txt'), 404, notFound);
  });
});
