import { ProblemError } from '@faultline/core';
import { problemHandlers } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { recordingLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const unexpected = {
  status: 500,
  title: 'Internal Server Error',
  type: 'about:blank',
  detail: 'An unexpected error occurred.',
};

describe.each(frameworks)('logging on $name', ({ express }) => {
  it('logs a 5xx once at error, with the original error, its stack and cause; never in the body', async () => {
    const { logger, calls } = recordingLogger();
    const cause = new Error('connection refused');
    const error = new Error('query failed', { cause });
    const app = express();
    app.get('/crash', () => {
      throw error;
    });
    app.use(problemHandlers({ logger }));
    const response = await request(app).get('/crash?token=secret');
    expectProblem(response, 500, unexpected);
    expect(response.text).not.toContain('query failed');
    expect(calls).toEqual([
      {
        level: 'error',
        obj: { err: error, status: 500, method: 'GET', url: '/crash' },
        msg: 'GET /crash failed with 500',
      },
    ]);
    const logged = calls[0]?.obj.err as Error;
    expect(logged.stack).toContain('query failed');
    expect(logged.cause).toBe(cause);
  });

  it('logs the thrown error, not what a mapper turned it into', async () => {
    const { logger, calls } = recordingLogger();
    class UpstreamDown extends Error {}
    const error = new UpstreamDown('billing API timed out');
    const app = express();
    app.get('/upstream', () => {
      throw error;
    });
    app.use(
      problemHandlers({
        logger,
        mappers: [(e) => (e instanceof UpstreamDown ? new ProblemError('BAD_GATEWAY') : undefined)],
      }),
    );
    expect((await request(app).get('/upstream')).status).toBe(502);
    expect(calls.map((call) => [call.level, call.obj.err])).toEqual([['error', error]]);
  });

  it('never logs a 4xx at error level: it goes to info, as on Fastify', async () => {
    const { logger, calls } = recordingLogger();
    const app = express();
    app.get('/missing', () => {
      throw new ProblemError('RESOURCE_NOT_FOUND');
    });
    app.use(problemHandlers({ logger }));
    await request(app).get('/missing');
    await request(app).get('/no-route');
    expect(calls.map((call) => [call.level, call.obj.status, call.msg])).toEqual([
      ['info', 404, 'GET /missing answered 404'],
      ['info', 404, 'GET /no-route answered 404'],
    ]);
  });

  it('writes 5xx to stderr by default, with the stack and the cause', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const app = express();
      app.get('/crash', () => {
        throw new Error('outer failure', { cause: new Error('inner failure') });
      });
      app.use(problemHandlers());
      expectProblem(await request(app).get('/crash'), 500, unexpected);
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    const [line] = written;
    expect(line).toMatch(/^GET \/crash failed with 500\nError: outer failure\n {4}at /);
    expect(line).toContain('[cause]: Error: inner failure');
  });

  it('adds the stack to the body only when exposeStack is set', async () => {
    const error = new Error('visible in development');
    const app = (exposeStack?: boolean) => {
      const application = express();
      application.get('/crash', () => {
        throw error;
      });
      application.use(
        problemHandlers({
          logger: recordingLogger().logger,
          ...(exposeStack === undefined ? {} : { exposeStack }),
        }),
      );
      return application;
    };
    expectProblem(await request(app(true)).get('/crash'), 500, {
      ...unexpected,
      stack: error.stack,
    });
    expectProblem(await request(app()).get('/crash'), 500, unexpected);
    expectProblem(await request(app(false)).get('/crash'), 500, unexpected);
  });
});
