import http from 'node:http';
import { PassThrough } from 'node:stream';
import { defineProblems } from '@faultline/core';
import { problemClientErrors, problemHandlers } from '@faultline/express';
import { frameworks } from './helpers/frameworks';
import { recordingLogger, silentLogger } from './helpers/logger';
import { exchange, parseRaw } from './helpers/raw-socket';

describe.each(frameworks)("Node's clientError with $name", ({ express }) => {
  let server: http.Server;

  function listen(options?: Parameters<typeof problemClientErrors>[1]) {
    const app = express();
    app.get('/datasets', (_req, res) => {
      res.json([]);
    });
    app.use(problemHandlers({ logger: silentLogger }));
    server = http.createServer(app);
    problemClientErrors(server, options ?? { logger: silentLogger });
    return server;
  }

  afterEach(() => {
    server.close();
  });

  it('answers an unknown method token with a raw 400 problem and closes the connection', async () => {
    const raw = await exchange(listen(), 'FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const response = parseRaw(raw);
    expect(response.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers.connection).toBe('close');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    expect(JSON.parse(response.body)).toEqual({
      status: 400,
      title: 'Bad Request',
      type: 'about:blank',
      detail: 'The request is not valid HTTP/1.1.',
      error_code: 'VALIDATION_ERROR',
    });
  });

  it('answers headers that are too large with 431', async () => {
    const raw = await exchange(
      listen(),
      `GET /datasets HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const response = parseRaw(raw);
    expect(response.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(response.body)).toEqual({
      status: 431,
      title: 'Request Header Fields Too Large',
      type: 'about:blank',
      detail: 'The request headers are larger than this server accepts.',
      error_code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    });
  });

  it('uses the application registry for the type URI, and logs at the 4xx level', async () => {
    const problems = defineProblems({ typeBase: 'https://api.example.com/docs/errors' });
    const { logger, calls } = recordingLogger();
    const raw = await exchange(
      listen({ registry: problems.registry, logger }),
      'GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n',
    );
    expect(JSON.parse(parseRaw(raw).body)).toEqual(
      expect.objectContaining({
        status: 400,
        type: 'https://api.example.com/docs/errors#invalid-request',
      }),
    );
    expect(calls.map((call) => call.level)).toEqual(['info']);
  });

  it('still serves well-formed requests (control)', async () => {
    const raw = await exchange(
      listen(),
      'GET /datasets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    );
    expect(parseRaw(raw).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it('only destroys a reset connection, and a socket that can no longer be written', () => {
    listen();
    for (const [error, writable] of [
      [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
      [Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' }), false],
    ] as const) {
      const socket = new PassThrough();
      if (!writable) socket.end();
      const written: unknown[] = [];
      socket.on('data', (chunk) => written.push(chunk));
      const destroy = jest.spyOn(socket, 'destroy');
      server.emit('clientError', error, socket);
      expect(destroy).toHaveBeenCalledTimes(1);
      expect(written).toEqual([]);
    }
  });
});

describe('problemClientErrors() inputs', () => {
  it('rejects what is not a server', () => {
    expect(() => problemClientErrors({} as never)).toThrow(
      new TypeError(
        '@faultline/express: problemClientErrors() takes an http.Server or https.Server',
      ),
    );
  });
});
