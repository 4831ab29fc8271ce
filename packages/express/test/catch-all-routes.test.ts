import { problemHandlers } from '@faultline/express';
import cors from 'cors';
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

/**
 * A route that matches every path (`app.options('*', cors())`, the preflight route of the cors
 * README) answers what it answers, and says nothing about which paths exist: an unknown path
 * stays a 404, as it is without faultline.
 */
describe.each(frameworks)('routes that match every path on $name', ({ express, major }) => {
  // Express 5's path syntax names its wildcards.
  const everyPath = major === 5 ? '/{*path}' : '*';

  function app() {
    const application = express();
    application.options(everyPath, cors({ origin: 'https://app.example' }));
    application.get('/items', (_req, res) => {
      res.json([]);
    });
    application.post('/items', (_req, res) => {
      res.status(201).json({});
    });
    application.use(problemHandlers({ logger: silentLogger }));
    return application;
  }

  it.each(['get', 'post', 'delete'] as const)(
    'answers %s to an unknown path 404 with a CORS preflight route',
    async (method) => {
      const response = await request(app())[method]('/unknown/path');
      expectProblem(response, 404, notFound);
      expect(response.headers.allow).toBeUndefined();
    },
  );

  it('answers a real path 405, with OPTIONS in Allow since the preflight route serves it', async () => {
    const response = await request(app()).put('/items');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS, POST');
  });

  it('still answers a preflight', async () => {
    const response = await request(app())
      .options('/items')
      .set('Origin', 'https://app.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
  });

  it('answers an unknown path 404 with cors() as application middleware', async () => {
    const application = express();
    application.use(cors());
    application.get('/items', (_req, res) => {
      res.json([]);
    });
    application.use(problemHandlers({ logger: silentLogger }));
    expectProblem(await request(application).get('/unknown'), 404, notFound);
    expect((await request(application).put('/items')).headers.allow).toBe('GET, HEAD');
  });
});
