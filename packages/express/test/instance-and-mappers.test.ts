import { ProblemError } from '@faultline/core';
import { problemHandlers, problemJson } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

describe.each(frameworks)('instance and mappers on $name', ({ express }) => {
  it('instance: true → the original path, without the query, even inside a mounted router', async () => {
    const app = express();
    const api = express.Router();
    api.get('/datasets/:id', () => {
      throw new ProblemError('RESOURCE_NOT_FOUND');
    });
    app.use('/v2', api);
    app.use(problemHandlers({ logger: silentLogger, instance: true }));
    expectProblem(await request(app).get('/v2/datasets/abc?verbose=1'), 404, {
      status: 404,
      title: 'Not Found',
      type: 'about:blank',
      instance: '/v2/datasets/abc',
      error_code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('instance as a function of the request', async () => {
    const app = express();
    app.get('/x', () => {
      throw new ProblemError('ACCESS_DENIED');
    });
    app.use(
      problemHandlers({
        logger: silentLogger,
        instance: (req) => `urn:request:${req.get('x-request-id')}`,
      }),
    );
    expectProblem(await request(app).get('/x').set('X-Request-Id', 'r-42'), 403, {
      status: 403,
      title: 'Forbidden',
      type: 'about:blank',
      instance: 'urn:request:r-42',
      error_code: 'ACCESS_DENIED',
    });
  });

  it("an error's own instance wins over the configured one", async () => {
    const app = express();
    app.get('/x', () => {
      throw new ProblemError('ACCESS_DENIED', { instance: '/audit/9' });
    });
    app.use(problemHandlers({ logger: silentLogger, instance: true }));
    const response = await request(app).get('/x');
    expect(response.body).toEqual(expect.objectContaining({ instance: '/audit/9' }));
  });

  it("applies the application's mappers before its own reading of body-parser errors", async () => {
    const app = express();
    app.use(problemJson());
    app.post('/x', (_req, res) => {
      res.end();
    });
    app.use(
      problemHandlers({
        logger: silentLogger,
        mappers: [
          (error) =>
            (error as { type?: unknown }).type === 'entity.parse.failed'
              ? new ProblemError('VALIDATION_ERROR', { detail: 'Send valid JSON, please.' })
              : undefined,
        ],
      }),
    );
    expectProblem(
      await request(app).post('/x').set('Content-Type', 'application/json').send('{'),
      400,
      {
        status: 400,
        title: 'Bad Request',
        type: 'about:blank',
        detail: 'Send valid JSON, please.',
        error_code: 'VALIDATION_ERROR',
      },
    );
  });

  it('maps an application error class through a mapper', async () => {
    class NameTaken extends Error {}
    const app = express();
    app.post('/datasets', () => {
      throw new NameTaken("A dataset named 'x' already exists in this space.");
    });
    app.use(
      problemHandlers({
        logger: silentLogger,
        mappers: [
          (error) =>
            error instanceof NameTaken
              ? new ProblemError('RESOURCE_ALREADY_EXISTS', { detail: error.message, cause: error })
              : undefined,
        ],
      }),
    );
    expectProblem(await request(app).post('/datasets'), 409, {
      status: 409,
      title: 'Conflict',
      type: 'about:blank',
      detail: "A dataset named 'x' already exists in this space.",
      error_code: 'RESOURCE_ALREADY_EXISTS',
    });
  });
});
