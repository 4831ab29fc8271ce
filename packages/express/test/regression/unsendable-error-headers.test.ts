import { problemHandlers } from '@faultline/express';
import request from 'supertest';
import { frameworks } from '../helpers/frameworks';
import { recordingLogger } from '../helpers/logger';
import { expectProblem } from '../helpers/problem';

/**
 * Regression: a foreign error's header that Node refuses to send (the core only screens out CR,
 * LF and NUL) made `setHeader` throw, and the answer became the static 500. Found by the
 * property test with `Object.assign(new Error(…), { status: 400, headers: { 'X-Note': 'Ā' } })`
 * and a Boom-like 400 with `WWW-Authenticate: 'Ā'`.
 */
describe.each(frameworks)('headers of a foreign error, on $name', ({ express }) => {
  function throwing(error: unknown) {
    const { logger, calls } = recordingLogger();
    const app = express();
    app.get('/x', () => {
      throw error;
    });
    app.use(problemHandlers({ logger }));
    return { app, calls };
  }

  it.each([
    ['a character beyond Latin-1', 'X-Note', '\u0100'],
    ['a control character', 'X-Note', 'a\u0001b'],
    ['DEL', 'X-Note', 'a\u007fb'],
  ])('drops a header holding %s and keeps the status', async (_what, name, value) => {
    const { app, calls } = throwing(
      Object.assign(new Error('secret'), { status: 400, headers: { [name]: value } }),
    );
    const response = await request(app).get('/x');
    expectProblem(response, 400, {
      status: 400,
      title: 'Bad Request',
      type: 'about:blank',
      error_code: 'VALIDATION_ERROR',
    });
    expect(response.headers).not.toHaveProperty('x-note');
    expect(calls.filter((call) => call.msg === 'problem response failed; sent a 500')).toEqual([]);
  });

  it('keeps the sendable headers of the same error', async () => {
    const { app } = throwing(
      Object.assign(new Error('secret'), {
        status: 429,
        headers: { 'X-Note': '\u0100', 'X-Limit-Scope': 'datasets', 'Retry-After': '7' },
      }),
    );
    const response = await request(app).get('/x');
    expect(response.status).toBe(429);
    expect(response.headers['x-limit-scope']).toBe('datasets');
    expect(response.headers['retry-after']).toBe('7');
    expect(response.headers).not.toHaveProperty('x-note');
  });

  it('answers a Boom-like error whose WWW-Authenticate cannot be sent with its own status', async () => {
    const { app } = throwing(
      Object.assign(new Error('secret'), {
        isBoom: true,
        output: {
          statusCode: 400,
          headers: { 'WWW-Authenticate': '\u0100' },
          payload: { message: '' },
        },
      }),
    );
    const response = await request(app).get('/x');
    expect(response.status).toBe(400);
    expect(response.headers).not.toHaveProperty('www-authenticate');
  });

  it('drops headers that describe another representation, which would make the problem unreadable', async () => {
    const { app } = throwing(
      Object.assign(new Error('secret'), {
        status: 409,
        headers: { 'Content-Encoding': 'gzip', 'Content-Range': 'bytes 0-1/2', ETag: '"x"' },
      }),
    );
    const response = await request(app).get('/x');
    expectProblem(response, 409, {
      status: 409,
      title: 'Conflict',
      type: 'about:blank',
      error_code: 'RESOURCE_ALREADY_EXISTS',
    });
    expect(response.headers).not.toHaveProperty('content-encoding');
    expect(response.headers).not.toHaveProperty('content-range');
    expect(response.headers).not.toHaveProperty('etag');
  });
});
