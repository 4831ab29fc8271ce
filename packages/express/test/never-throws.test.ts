import { defineProblems, ProblemError } from '@faultline/core';
import { type ProblemLogger, problemHandlers } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { recordingLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const staticFallback = {
  status: 500,
  title: 'Internal Server Error',
  type: 'about:blank',
  detail: 'An unexpected error occurred.',
};

describe.each(frameworks)('the error middleware never throws, on $name', ({ express }) => {
  it('falls back to the static 500 when the problem cannot be serialised', async () => {
    const { logger, calls } = recordingLogger();
    const app = express();
    app.get('/odd', () => {
      throw new ProblemError('VALIDATION_ERROR', { extensions: { amount: 10n } });
    });
    app.use(problemHandlers({ logger }));
    expectProblem(await request(app).get('/odd'), 500, staticFallback);
    expect(calls.map((call) => call.msg)).toEqual([
      'GET /odd: building the problem failed; answered 500',
      'GET /odd failed with 500',
    ]);
  });

  it("builds the static 500 from the application's registry", async () => {
    const problems = defineProblems({ typeBase: 'https://api.example.com/docs/errors' });
    const app = express();
    app.get('/odd', () => {
      throw new problems.ProblemError('VALIDATION_ERROR', { extensions: { amount: 10n } });
    });
    app.use(problemHandlers({ registry: problems.registry, logger: recordingLogger().logger }));
    expectProblem(await request(app).get('/odd'), 500, {
      ...staticFallback,
      type: 'https://api.example.com/docs/errors#internal-server-error',
    });
  });

  it('answers even when a mapper throws', async () => {
    const app = express();
    app.get('/x', () => {
      throw new Error('original');
    });
    app.use(
      problemHandlers({
        logger: recordingLogger().logger,
        mappers: [
          () => {
            throw new Error('mapper bug');
          },
        ],
      }),
    );
    expectProblem(await request(app).get('/x'), 500, staticFallback);
  });

  it('answers even when the logger throws', async () => {
    const logger: ProblemLogger = {
      error() {
        throw new Error('log sink down');
      },
    };
    const app = express();
    app.get('/x', () => {
      throw new Error('original');
    });
    app.use(problemHandlers({ logger }));
    expectProblem(await request(app).get('/x'), 500, staticFallback);
  });

  it('answers without an instance when the instance function throws', async () => {
    const app = express();
    app.get('/x', () => {
      throw new ProblemError('ACCESS_DENIED');
    });
    app.use(
      problemHandlers({
        logger: recordingLogger().logger,
        instance: () => {
          throw new Error('no request id');
        },
      }),
    );
    expectProblem(await request(app).get('/x'), 403, {
      status: 403,
      title: 'Forbidden',
      type: 'about:blank',
      error_code: 'ACCESS_DENIED',
    });
  });
});
