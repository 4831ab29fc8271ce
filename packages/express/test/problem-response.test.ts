import { defineProblems, ProblemError, type RegisteredCode } from '@faultline/core';
import { problemHandlers, problemResponse } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { recordingLogger } from './helpers/logger';

const problems = defineProblems({
  typeBase: 'https://api.example.com/problems',
  codes: {
    DATASET_ARCHIVED: {
      status: 409,
      type: { slug: 'dataset-archived', title: 'Dataset Archived' },
    },
  },
});

/** What a client sees of a response, the date aside. */
function wire(response: request.Response) {
  const { date, ...headers } = response.headers;
  return { status: response.status, headers, text: response.text };
}

describe.each(frameworks)('res.problem() on $name', ({ express }) => {
  function appWith(
    register: (app: ReturnType<typeof express>) => void,
    options: Parameters<typeof problemHandlers>[0] = {},
  ) {
    const app = express();
    app.use(problemResponse({ registry: problems.registry }));
    register(app);
    app.use(problemHandlers({ registry: problems.registry, ...options }));
    return app;
  }

  const detail = "Dataset with ID 'abc' is archived.";
  // This registry is not the one the `Register` interface names, so its code is widened here.
  const archived = 'DATASET_ARCHIVED' as RegisteredCode;

  it('answers byte for byte what a thrown ProblemError of the code gets, and logs it alike', async () => {
    const sent = recordingLogger();
    const thrown = recordingLogger();
    const sending = appWith(
      (app) =>
        app.get('/datasets/:id', (_req, res) => {
          res.problem(archived, { detail, headers: { 'x-trace': 't' } });
        }),
      { logger: sent.logger, instance: true },
    );
    const throwing = appWith(
      (app) =>
        app.get('/datasets/:id', () => {
          throw new problems.ProblemError('DATASET_ARCHIVED', {
            detail,
            headers: { 'x-trace': 't' },
          });
        }),
      { logger: thrown.logger, instance: true },
    );
    const a = await request(sending).get('/datasets/abc');
    const b = await request(throwing).get('/datasets/abc');
    expect(a.status).toBe(409);
    expect(JSON.parse(a.text)).toEqual({
      status: 409,
      title: 'Dataset Archived',
      type: 'https://api.example.com/problems#dataset-archived',
      detail,
      instance: '/datasets/abc',
      error_code: 'DATASET_ARCHIVED',
    });
    expect(wire(a)).toEqual(wire(b));
    expect(sent.calls.map(({ level, msg }) => [level, msg])).toEqual(
      thrown.calls.map(({ level, msg }) => [level, msg]),
    );
    expect(sent.calls[0]?.obj).toMatchObject({ status: 409, error_code: 'DATASET_ARCHIVED' });
  });

  it('captures no stack for a 4xx and keeps one for a 5xx, as the class policy says', async () => {
    const { logger, calls } = recordingLogger();
    const app = appWith(
      (a) => {
        a.get('/gone', (_req, res) => res.problem('RESOURCE_NOT_FOUND'));
        a.get('/down', (_req, res) => res.problem('SERVICE_UNAVAILABLE', { retryAfter: 7 }));
      },
      { logger },
    );
    await request(app).get('/gone').expect(404);
    const down = await request(app).get('/down').expect(503);
    expect(down.headers['retry-after']).toBe('7');
    const [gone, unavailable] = calls.map((call) => call.obj.err as ProblemError);
    expect(gone?.stack).not.toMatch(/\n\s+at /);
    expect(unavailable?.stack).toMatch(/\n\s+at /);
  });

  it('passes through the application mappers and error middleware like any error', async () => {
    const seen: unknown[] = [];
    const app = express();
    app.use(problemResponse());
    app.get('/x', (_req, res) => res.problem('RESOURCE_NOT_FOUND'));
    app.use((error: unknown, _req: unknown, _res: unknown, next: (e: unknown) => void) => {
      seen.push(error);
      next(error);
    });
    app.use(
      problemHandlers({
        logger: recordingLogger().logger,
        mappers: [
          (error) =>
            error instanceof ProblemError ? new ProblemError('ACCESS_DENIED') : undefined,
        ],
      }),
    );
    const response = await request(app).get('/x').expect(403);
    expect(JSON.parse(response.text).error_code).toBe('ACCESS_DENIED');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(ProblemError);
  });

  it('reaches the error handlers of a nested router first', async () => {
    const app = express();
    app.use(problemResponse());
    const router = express.Router();
    router.get('/inner', (_req, res) => res.problem('RESOURCE_NOT_FOUND'));
    router.use(
      (
        _error: unknown,
        _req: unknown,
        res: { status(n: number): { json(v: unknown): void } },
        _next: unknown,
      ) => {
        res.status(418).json({ handled: 'inner' });
      },
    );
    app.use('/r', router);
    app.use(problemHandlers({ logger: recordingLogger().logger }));
    const response = await request(app).get('/r/inner').expect(418);
    expect(response.body).toEqual({ handled: 'inner' });
  });

  it('answers an unknown code as the application bug it is: a 500 that shows nothing, logged', async () => {
    const { logger, calls } = recordingLogger();
    const app = express();
    app.use(problemResponse());
    app.get('/x', (_req, res) => res.problem('NOT_A_CODE' as 'RESOURCE_NOT_FOUND'));
    app.use(problemHandlers({ logger }));
    const response = await request(app).get('/x').expect(500);
    expect(JSON.parse(response.text)).toEqual({
      status: 500,
      title: 'Internal Server Error',
      type: 'about:blank',
      detail: 'An unexpected error occurred.',
    });
    expect(response.text).not.toContain('NOT_A_CODE');
    expect(calls).toHaveLength(1);
    expect(String((calls[0]?.obj.err as Error | undefined)?.message)).toContain(
      'unknown error code "NOT_A_CODE"',
    );
  });

  it('answers HEAD with the headers and no body', async () => {
    const app = appWith((a) => a.get('/x', (_req, res) => res.problem('RESOURCE_NOT_FOUND')), {
      logger: recordingLogger().logger,
    });
    const response = await request(app).head('/x').expect(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.text).toBeUndefined();
  });
});

describe('problemResponse() options', () => {
  it('refuses an unknown option and a registry that is not one, at start-up', () => {
    expect(() => problemResponse({ registy: problems.registry } as never)).toThrow(
      /problemResponse\(\).*registy/,
    );
    expect(() => problemResponse({ registry: {} as never })).toThrow(
      /problemResponse\(\) option registry must be a registry from defineProblems\(\)/,
    );
  });
});
