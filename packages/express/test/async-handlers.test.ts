import { ProblemError } from '@faultline/core';
import { asyncHandler, problemHandlers, wrapAsyncRoutes } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const conflict = {
  status: 409,
  title: 'Conflict',
  type: 'about:blank',
  detail: "A dataset named 'x' already exists in this space.",
  error_code: 'RESOURCE_ALREADY_EXISTS',
};
const unexpected = {
  status: 500,
  title: 'Internal Server Error',
  type: 'about:blank',
  detail: 'An unexpected error occurred.',
};

async function rejectWithConflict(): Promise<never> {
  await Promise.resolve();
  throw new ProblemError('RESOURCE_ALREADY_EXISTS', {
    detail: "A dataset named 'x' already exists in this space.",
  });
}

describe.each(frameworks)('async handlers on $name', ({ express, major }) => {
  if (major === 5) {
    it('answers a rejected promise from an unwrapped async handler (Express 5 forwards it)', async () => {
      const app = express();
      app.post('/datasets', async () => rejectWithConflict());
      app.use(problemHandlers({ logger: silentLogger }));
      expectProblem(await request(app).post('/datasets'), 409, conflict);
    });
  }

  it('answers a rejected promise from a handler wrapped in asyncHandler()', async () => {
    const app = express();
    app.post(
      '/datasets',
      asyncHandler(async () => rejectWithConflict()),
    );
    app.use(problemHandlers({ logger: silentLogger }));
    expectProblem(await request(app).post('/datasets'), 409, conflict);
  });

  it('turns a promise rejected with nothing into a 500, not a silent fall-through', async () => {
    const app = express();
    app.get(
      '/nothing',
      asyncHandler(() => Promise.reject(undefined)),
    );
    app.use(problemHandlers({ logger: silentLogger }));
    expectProblem(await request(app).get('/nothing'), 500, unexpected);
  });

  it('leaves a handler that resolves alone', async () => {
    const app = express();
    app.get(
      '/ok',
      asyncHandler(async (_req, res) => {
        await Promise.resolve();
        res.json({ ok: true });
      }),
    );
    app.use(problemHandlers({ logger: silentLogger }));
    const response = await request(app).get('/ok');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
  });

  it('wrapAsyncRoutes(app) covers every async handler and middleware, nested routers too, with no per-route wrapper', async () => {
    const app = express();
    const api = express.Router();
    app.use(async (req, _res, next) => {
      if (req.path === '/boom-middleware') throw new Error('from middleware');
      next();
    });
    app.post('/datasets', async () => rejectWithConflict());
    api.delete('/datasets/:id', async () => rejectWithConflict());
    app.use('/api', api);
    app.use(problemHandlers({ logger: silentLogger }));
    wrapAsyncRoutes(app);
    wrapAsyncRoutes(app); // a second call changes nothing

    expectProblem(await request(app).post('/datasets'), 409, conflict);
    expectProblem(await request(app).delete('/api/datasets/7'), 409, conflict);
    expectProblem(await request(app).get('/boom-middleware'), 500, unexpected);
  });

  it('wrapAsyncRoutes keeps error middleware recognisable (arity 4) and forwards its rejections', async () => {
    const app = express();
    app.get('/fail', () => {
      throw new Error('first');
    });
    app.use(async (error: unknown, _req: unknown, _res: unknown, _next: unknown) => {
      throw new ProblemError('BAD_GATEWAY', { detail: 'The upstream failed.', cause: error });
    });
    app.use(problemHandlers({ logger: silentLogger }));
    wrapAsyncRoutes(app);
    expectProblem(await request(app).get('/fail'), 502, {
      status: 502,
      title: 'Bad Gateway',
      type: 'about:blank',
      detail: 'The upstream failed.',
    });
  });
});

describe('asyncHandler() and wrapAsyncRoutes() inputs', () => {
  it('reject what is not a function or an app', () => {
    expect(() => asyncHandler('nope' as never)).toThrow(
      new TypeError('@faultline/express: asyncHandler() takes a function, got string'),
    );
    expect(() => wrapAsyncRoutes(null as never)).toThrow(
      new TypeError('@faultline/express: wrapAsyncRoutes() takes an Express app or router'),
    );
  });
});
