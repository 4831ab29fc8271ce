import { type ProblemJsonOptions, problemHandlers, problemJson } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';
import { rawRequest } from './helpers/raw-request';

const mustBeJson = {
  status: 415,
  title: 'Unsupported Media Type',
  type: 'about:blank',
  detail: 'Content-Type must be application/json',
  error_code: 'UNSUPPORTED_MEDIA_TYPE',
};

describe.each(frameworks)('the Content-Type guard on $name', ({ express }) => {
  let handled: number;

  function jsonApp(options?: ProblemJsonOptions) {
    handled = 0;
    const app = express();
    app.use(problemJson(options));
    const echo = (
      req: { body?: unknown },
      res: { status(code: number): { json(body: unknown): void } },
    ) => {
      handled++;
      res.status(201).json({ body: req.body ?? null });
    };
    app.post('/datasets', echo);
    app.patch('/datasets/:id', echo);
    app.use(problemHandlers({ logger: silentLogger }));
    return app;
  }

  it('refuses a text/plain body with 415 before the handler runs', async () => {
    const response = await request(jsonApp())
      .post('/datasets')
      .set('Content-Type', 'text/plain')
      .send('{"name":"x"}');
    expectProblem(response, 415, mustBeJson);
    expect(response.headers.accept).toBe('application/json, application/*+json');
    expect(handled).toBe(0);
  });

  it('refuses a body that has no Content-Type at all', async () => {
    const response = await rawRequest(jsonApp(), {
      method: 'POST',
      path: '/datasets',
      headers: { 'Content-Length': '12' },
      body: '{"name":"x"}',
    });
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.text)).toEqual(mustBeJson);
    expect(handled).toBe(0);
  });

  it('refuses a chunked (Transfer-Encoding) body that is not JSON', async () => {
    const response = await rawRequest(jsonApp(), {
      method: 'POST',
      path: '/datasets',
      headers: { 'Content-Type': 'application/xml' },
      body: '<name>x</name>',
    });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.text)).toEqual(mustBeJson);
  });

  it('adds Accept-Patch to a 415 on PATCH', async () => {
    const response = await request(jsonApp())
      .patch('/datasets/7')
      .set('Content-Type', 'text/plain')
      .send('x');
    expectProblem(response, 415, mustBeJson);
    expect(response.headers['accept-patch']).toBe('application/json, application/*+json');
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset=UTF-8',
    'application/vnd.api+json',
    'application/merge-patch+json',
  ])('reads %s as JSON', async (type) => {
    const response = await request(jsonApp())
      .post('/datasets')
      .set('Content-Type', type)
      .send('{"name":"x"}');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ body: { name: 'x' } });
  });

  it.each(['application/jsonx', 'text/json', 'application/json-patch', 'json'])(
    'refuses %s',
    async (type) => {
      const response = await request(jsonApp())
        .post('/datasets')
        .set('Content-Type', type)
        .send('{}');
      expectProblem(response, 415, mustBeJson);
    },
  );

  it('lets a request without a body through, whatever its Content-Type', async () => {
    const response = await request(jsonApp())
      .post('/datasets')
      .set('Content-Type', 'text/plain')
      .set('Content-Length', '0');
    expect(response.status).toBe(201);
    expect(handled).toBe(1);
  });

  it('takes its own list of types, shared by the guard and the parser', async () => {
    const app = jsonApp({ type: ['application/json', 'application/merge-patch+json'] });
    const merged = await request(app)
      .patch('/datasets/7')
      .set('Content-Type', 'application/merge-patch+json')
      .send('{"name":null}');
    expect(merged.status).toBe(201);
    expect(merged.body).toEqual({ body: { name: null } });
    const refused = await request(app)
      .post('/datasets')
      .set('Content-Type', 'application/vnd.api+json')
      .send('{}');
    expectProblem(refused, 415, {
      ...mustBeJson,
      detail: 'Content-Type must be application/json or application/merge-patch+json',
    });
    expect(refused.headers.accept).toBe('application/json, application/merge-patch+json');
  });

  it('guards only the routes it is mounted on', async () => {
    const app = express();
    app.post('/datasets', problemJson(), (req, res) => {
      res.status(201).json(req.body);
    });
    app.post('/notes', express.text(), (req, res) => {
      res.status(201).send(req.body);
    });
    app.use(problemHandlers({ logger: silentLogger }));
    const note = await request(app).post('/notes').set('Content-Type', 'text/plain').send('hello');
    expect(note.status).toBe(201);
    expect(note.text).toBe('hello');
    expectProblem(
      await request(app).post('/datasets').set('Content-Type', 'text/plain').send('hello'),
      415,
      mustBeJson,
    );
  });
});
