import { Writable } from 'node:stream';
import { ProblemError } from '@faultline/core';
import { problemHandlers, problemJson } from '@faultline/express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { recordingLogger } from './helpers/logger';

/** A real pino logger writing JSON lines into an array. */
function pinoLines(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe.each(frameworks)('the request logger on $name', ({ express }) => {
  it("logs through pino-http's req.log, so a failure's line carries the request's id", async () => {
    const { logger, lines } = pinoLines();
    const app = express();
    app.use(pinoHttp({ logger, genReqId: () => 'req-42', autoLogging: false }));
    app.get('/crash', () => {
      throw new Error('db down');
    });
    app.get('/denied', () => {
      throw new ProblemError('ACCESS_DENIED');
    });
    app.use(problemHandlers());
    await request(app).get('/crash');
    await request(app).get('/denied?token=x');
    const failures = lines.filter((line) => 'err' in line);
    expect(failures).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'GET /crash failed with 500',
        status: 500,
        url: '/crash',
        req: expect.objectContaining({ id: 'req-42' }),
        err: expect.objectContaining({ message: 'db down' }),
      }),
      expect.objectContaining({
        level: 30,
        msg: 'GET /denied answered 403',
        error_code: 'ACCESS_DENIED',
        url: '/denied',
        req: expect.objectContaining({ id: 'req-42' }),
      }),
    ]);
  });

  it("prefers the logger option, and adds pino-http's req.id to the record as reqId", async () => {
    const { logger: requestLogger, lines } = pinoLines();
    const { logger, calls } = recordingLogger();
    const app = express();
    app.use(pinoHttp({ logger: requestLogger, genReqId: () => 7, autoLogging: false }));
    app.get('/crash', () => {
      throw new Error('db down');
    });
    app.use(problemHandlers({ logger }));
    await request(app).get('/crash');
    expect(lines.filter((line) => 'err' in line)).toEqual([]);
    expect(calls).toEqual([
      expect.objectContaining({ level: 'error', obj: expect.objectContaining({ reqId: 7 }) }),
    ]);
  });

  it('logs nothing that quotes the body of a malformed JSON request, cause chain included', async () => {
    const { logger, calls } = recordingLogger();
    const app = express();
    app.use(problemJson());
    app.post('/login', (_req, res) => {
      res.end();
    });
    app.use(problemHandlers({ logger }));
    const response = await request(app)
      .post('/login')
      .set('Content-Type', 'application/json')
      .send('{"pw":hunter2}');
    expect(response.status).toBe(400);
    expect(calls.map((call) => call.msg)).toEqual(['POST /login answered 400']);
    // Everything a logger's error serializer could print: each error's message and stack.
    const printed: string[] = [];
    for (let err = calls[0]?.obj.err; err instanceof Error; err = err.cause) {
      printed.push(err.message, err.stack ?? '');
    }
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.join('\n')).not.toContain('hunter2');
  });
});
