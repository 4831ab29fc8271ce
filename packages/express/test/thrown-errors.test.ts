import { defineProblems, ProblemError } from '@faultline/core';
import { problemHandlers } from '@faultline/express';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const notFound = {
  status: 404,
  title: 'Not Found',
  type: 'about:blank',
  detail: "Dataset with ID 'abc' was not found.",
  error_code: 'RESOURCE_NOT_FOUND',
};
const unexpected = {
  status: 500,
  title: 'Internal Server Error',
  type: 'about:blank',
  detail: 'An unexpected error occurred.',
};
const datasetMissing = () =>
  new ProblemError('RESOURCE_NOT_FOUND', { detail: "Dataset with ID 'abc' was not found." });

describe.each(frameworks)('thrown errors on $name', ({ express }) => {
  function app(register: (app: ReturnType<typeof express>) => void) {
    const application = express();
    register(application);
    application.use(problemHandlers({ logger: silentLogger }));
    return application;
  }

  it('answers a ProblemError thrown by a synchronous handler', async () => {
    const server = app((a) =>
      a.get('/datasets/abc', () => {
        throw datasetMissing();
      }),
    );
    expectProblem(await request(server).get('/datasets/abc'), 404, notFound);
  });

  it('answers an error passed to next() by a handler', async () => {
    const server = app((a) => a.get('/datasets/abc', (_req, _res, next) => next(datasetMissing())));
    expectProblem(await request(server).get('/datasets/abc'), 404, notFound);
  });

  it('answers an error thrown by a middleware before the route', async () => {
    const server = app((a) => {
      a.use(() => {
        throw datasetMissing();
      });
      a.get('/datasets/abc', (_req, res) => res.send('unreachable'));
    });
    expectProblem(await request(server).get('/datasets/abc'), 404, notFound);
  });

  it('answers an error passed to next() by a middleware', async () => {
    const server = app((a) => {
      a.use((_req, _res, next) => next(datasetMissing()));
      a.get('/datasets/abc', (_req, res) => res.send('unreachable'));
    });
    expectProblem(await request(server).get('/datasets/abc'), 404, notFound);
  });

  it('hides the message of a plain Error behind a generic 500', async () => {
    const server = app((a) =>
      a.get('/crash', () => {
        throw new Error('password=hunter2');
      }),
    );
    const response = await request(server).get('/crash');
    expectProblem(response, 500, unexpected);
    expect(response.text).not.toContain('hunter2');
  });

  it('answers a thrown string with a 500 that does not echo it', async () => {
    const server = app((a) =>
      a.get('/crash', () => {
        throw 'secret string';
      }),
    );
    const response = await request(server).get('/crash');
    expectProblem(response, 500, unexpected);
    expect(response.text).not.toContain('secret');
  });

  it('keeps the 4xx status of a plain object but never its message', async () => {
    const server = app((a) =>
      a.get('/teapot', (_req, _res, next) => next({ statusCode: 418, message: 'short and stout' })),
    );
    expectProblem(await request(server).get('/teapot'), 418, {
      status: 418,
      title: "I'm a teapot",
      type: 'about:blank',
      error_code: 'IM_A_TEAPOT',
    });
  });

  it('clamps a status outside 400-599 to 500', async () => {
    const server = app((a) =>
      a.get('/weird', () => {
        throw Object.assign(new Error('weird'), { status: 600 });
      }),
    );
    expectProblem(await request(server).get('/weird'), 500, unexpected);
  });

  it('sends the headers a ProblemError names, and Retry-After on a 503', async () => {
    const server = app((a) =>
      a.get('/maintenance', () => {
        throw new ProblemError('SERVICE_UNAVAILABLE', {
          detail: 'Down for maintenance.',
          retryAfter: 120,
          headers: { 'X-Maintenance': 'yes' },
        });
      }),
    );
    const response = await request(server).get('/maintenance');
    expectProblem(response, 503, {
      status: 503,
      title: 'Service Unavailable',
      type: 'about:blank',
      detail: 'Down for maintenance.',
    });
    expect(response.headers['retry-after']).toBe('120');
    expect(response.headers['x-maintenance']).toBe('yes');
  });

  it("answers with the application's registry: its type URIs and its own codes", async () => {
    const problems = defineProblems({
      typeBase: 'https://api.example.com/docs/errors',
      types: { 402: { slug: 'payment-required', title: 'Payment Required' } },
      codes: { PAYMENT_REQUIRED: 402 },
    });
    const server = express();
    server.get('/pay', () => {
      throw new problems.ProblemError('PAYMENT_REQUIRED', { detail: 'Top up your balance.' });
    });
    server.get('/missing', () => {
      throw new problems.ProblemError('RESOURCE_NOT_FOUND');
    });
    server.use(problemHandlers({ registry: problems.registry, logger: silentLogger }));
    expectProblem(await request(server).get('/pay'), 402, {
      status: 402,
      title: 'Payment Required',
      type: 'https://api.example.com/docs/errors#payment-required',
      detail: 'Top up your balance.',
      error_code: 'PAYMENT_REQUIRED',
    });
    expectProblem(await request(server).get('/missing'), 404, {
      status: 404,
      title: 'Not Found',
      type: 'https://api.example.com/docs/errors#resource-not-found',
      error_code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('keeps headers set before the error, and drops those describing the lost representation', async () => {
    const server = app((a) =>
      a.get('/partial', (_req, res) => {
        res.setHeader('Vary', 'Authorization');
        res.setHeader('Content-Encoding', 'gzip');
        res.setHeader('ETag', '"v1"');
        res.setHeader('Content-Length', '9999');
        throw datasetMissing();
      }),
    );
    const response = await request(server).get('/partial');
    expectProblem(response, 404, notFound);
    expect(response.headers.vary).toBe('Authorization');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.etag).toBeUndefined();
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.text)));
  });
});
