import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import zlib from 'node:zlib';
import { ProblemError } from '@faultline/core';
import { type ProblemJsonOptions, problemHandlers, problemJson } from '@faultline/express';
import type { RequestHandler } from 'express';
import request from 'supertest';
import { type Framework, frameworks } from './helpers/frameworks';
import { recordingLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const bodyParserCodings =
  'createZstdDecompress' in zlib ? 'gzip, deflate, br, zstd' : 'gzip, deflate, br';

const badRequest = (detail: string) => ({
  status: 400,
  title: 'Bad Request',
  type: 'about:blank',
  detail,
  error_code: 'VALIDATION_ERROR',
});
const unsupported = (detail: string) => ({
  status: 415,
  title: 'Unsupported Media Type',
  type: 'about:blank',
  detail,
  error_code: 'UNSUPPORTED_MEDIA_TYPE',
});
const tooLarge = (detail: string) => ({
  status: 413,
  title: 'Content Too Large',
  type: 'about:blank',
  detail,
  error_code: 'PAYLOAD_TOO_LARGE',
});
const unexpected = {
  status: 500,
  title: 'Internal Server Error',
  type: 'about:blank',
  detail: 'An unexpected error occurred.',
};

describe.each(frameworks)('body-parse failures on $name', (framework: Framework) => {
  const { express } = framework;

  function jsonApp(options?: ProblemJsonOptions, before?: RequestHandler) {
    const log = recordingLogger();
    const app = express();
    if (before !== undefined) app.use(before);
    app.use(problemJson(options));
    app.post('/datasets', (req, res) => {
      res.status(201).json(req.body);
    });
    app.use(problemHandlers({ logger: log.logger }));
    return { app, calls: log.calls };
  }

  // Bodies go out byte for byte: superagent would otherwise JSON-encode a Buffer.
  const post = (
    app: ReturnType<typeof express>,
    body: string | Buffer,
    type = 'application/json',
  ) =>
    request(app)
      .post('/datasets')
      .set('Content-Type', type)
      .serialize((raw: unknown) => raw as string)
      .send(body);

  it('parses a valid JSON body (control)', async () => {
    const response = await post(jsonApp().app, '{"name":"x"}');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ name: 'x' });
  });

  describe('entity.parse.failed → 400 VALIDATION_ERROR with a safe position', () => {
    it('names the offending token and its position, and echoes nothing else', async () => {
      const { app, calls } = jsonApp();
      const response = await post(app, '{"secret": }');
      expectProblem(
        response,
        400,
        badRequest("JSON parse error: unexpected token '}' at position 11."),
      );
      expect(response.text).not.toContain('secret');
      expect(calls.filter((call) => call.level === 'error')).toEqual([]);
    });

    it('reports a truncated body as an unexpected end', async () => {
      const response = await post(jsonApp().app, '{"name": "x"');
      expectProblem(
        response,
        400,
        badRequest('JSON parse error: unexpected end of input at position 12.'),
      );
    });

    it('refuses a top-level primitive in strict mode without quoting it', async () => {
      const response = await post(jsonApp().app, '"a private string"');
      expectProblem(
        response,
        400,
        badRequest('JSON parse error: the body must be a JSON object or array.'),
      );
      expect(response.text).not.toContain('private');
    });

    it('accepts the primitive when strict is false', async () => {
      const response = await post(jsonApp({ strict: false }).app, '42');
      expect(response.status).toBe(201);
      expect(response.body).toBe(42);
    });

    it('refuses an empty JSON body with 400, where body-parser would make it {}', async () => {
      const response = await request(jsonApp().app)
        .post('/datasets')
        .set('Content-Type', 'application/json')
        .set('Content-Length', '0');
      expectProblem(response, 400, badRequest('JSON parse error: the request body is empty.'));
    });
  });

  it('entity.too.large → 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const response = await post(
      jsonApp({ limit: 16 }).app,
      JSON.stringify({ name: 'x'.repeat(40) }),
    );
    expectProblem(
      response,
      413,
      tooLarge('The request body is larger than the limit of 16 bytes.'),
    );
  });

  describe('content codings', () => {
    it('decodes a valid gzip body (control)', async () => {
      const response = await post(jsonApp().app, zlib.gzipSync('{"name":"zipped"}')).set(
        'Content-Encoding',
        'gzip',
      );
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ name: 'zipped' });
    });

    it('encoding.unsupported → 415 with the codings the parser decodes in Accept-Encoding', async () => {
      const response = await post(jsonApp().app, '{}').set('Content-Encoding', 'compress');
      expectProblem(
        response,
        415,
        unsupported('The Content-Encoding of the request body is not supported.'),
      );
      expect(response.headers['accept-encoding']).toBe(bodyParserCodings);
    });

    it('encoding.unsupported with inflate: false → 415 with Accept-Encoding: identity', async () => {
      const response = await post(jsonApp({ inflate: false }).app, zlib.gzipSync('{}')).set(
        'Content-Encoding',
        'gzip',
      );
      expectProblem(
        response,
        415,
        unsupported('The Content-Encoding of the request body is not supported.'),
      );
      expect(response.headers['accept-encoding']).toBe('identity');
    });

    it('a corrupt gzip body (zlib Z_DATA_ERROR, no type) → 400', async () => {
      const response = await post(jsonApp().app, 'this is not gzip').set(
        'Content-Encoding',
        'gzip',
      );
      expectProblem(response, 400, badRequest('The request body could not be decompressed.'));
    });
  });

  it('charset.unsupported → 415', async () => {
    const response = await post(jsonApp().app, '{}', 'application/json; charset=latin9');
    expectProblem(response, 415, unsupported('JSON request bodies must be encoded in UTF-8.'));
  });

  it('request.size.invalid (a Content-Length that lies) → 400', async () => {
    const lie: RequestHandler = (req, _res, next) => {
      req.headers['content-length'] = String(Number(req.headers['content-length']) + 5);
      next();
    };
    const response = await post(jsonApp(undefined, lie).app, '{"name":"x"}');
    expectProblem(response, 400, badRequest('The request body does not match its Content-Length.'));
  });

  describe('entity.verify.failed', () => {
    it('a verify hook that throws → 403 ACCESS_DENIED, its message kept private', async () => {
      const verify = () => {
        throw new Error('hmac mismatch for key 42');
      };
      const response = await post(jsonApp({ verify }).app, '{}');
      expectProblem(response, 403, {
        status: 403,
        title: 'Forbidden',
        type: 'about:blank',
        detail: 'The request body failed verification.',
        error_code: 'ACCESS_DENIED',
      });
      expect(response.text).not.toContain('hmac');
    });

    it('a verify error with status 401 → 401 INVALID_CREDENTIALS with a challenge', async () => {
      const verify = () => {
        throw Object.assign(new Error('bad signature'), { status: 401 });
      };
      const response = await post(jsonApp({ verify }).app, '{}');
      expectProblem(response, 401, {
        status: 401,
        title: 'Unauthorized',
        type: 'about:blank',
        detail: 'The request body failed verification.',
        error_code: 'INVALID_CREDENTIALS',
      });
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });

    it.each([400, 409, 422])(
      'a verify error with status %d keeps its status, its message kept private',
      async (status) => {
        const verify = () => {
          throw Object.assign(new Error('signature key k-123 rejected'), { status });
        };
        const response = await post(jsonApp({ verify }).app, '{}');
        expect(response.status).toBe(status);
        expect(response.body).not.toHaveProperty('detail');
        expect(response.text).not.toContain('k-123');
      },
    );

    it('a ProblemError thrown by verify is answered as it is', async () => {
      const verify = () => {
        throw new ProblemError('AUTHENTICATION_REQUIRED', { detail: 'Sign the body.' });
      };
      const response = await post(jsonApp({ verify }).app, '{}');
      expectProblem(response, 401, {
        status: 401,
        title: 'Unauthorized',
        type: 'about:blank',
        detail: 'Sign the body.',
        error_code: 'AUTHENTICATION_REQUIRED',
      });
    });
  });

  describe('server-side misconfiguration → 500, logged', () => {
    it('stream.encoding.set (a middleware set an encoding on the request)', async () => {
      const setEncoding: RequestHandler = (req, _res, next) => {
        req.setEncoding('utf8');
        next();
      };
      const { app, calls } = jsonApp(undefined, setEncoding);
      expectProblem(await post(app, '{}'), 500, unexpected);
      expect(calls.map((call) => [call.level, (call.obj.err as { type?: string }).type])).toEqual([
        ['error', 'stream.encoding.set'],
      ]);
    });

    it('stream.not.readable (the body stream was already used up)', async () => {
      const useUp: RequestHandler = (req, _res, next) => {
        req.readable = false;
        next();
      };
      const { app, calls } = jsonApp(undefined, useUp);
      expectProblem(await post(app, '{}'), 500, unexpected);
      expect(calls.map((call) => [call.level, (call.obj.err as { type?: string }).type])).toEqual([
        ['error', 'stream.not.readable'],
      ]);
    });
  });

  describe("the framework's own parsers (body-parser bundled with this Express)", () => {
    function ownParserApp(parser: RequestHandler) {
      const app = express();
      app.post('/form', parser, (req, res) => {
        res.status(201).json(req.body);
      });
      app.use(problemHandlers({ logger: recordingLogger().logger }));
      return app;
    }

    it('express.json(): entity.parse.failed → the same safe 400', async () => {
      const response = await request(ownParserApp(express.json()))
        .post('/form')
        .set('Content-Type', 'application/json')
        .send('{"a": tru}');
      expectProblem(
        response,
        400,
        badRequest("JSON parse error: unexpected token '}' at position 9."),
      );
    });

    it('express.json(): encoding.unsupported → 415 with the codings every body-parser decodes', async () => {
      const response = await request(ownParserApp(express.json()))
        .post('/form')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'compress')
        .send('{}');
      expectProblem(
        response,
        415,
        unsupported('The Content-Encoding of the request body is not supported.'),
      );
      expect(response.headers['accept-encoding']).toBe('gzip, deflate');
    });

    it('express.urlencoded(): parameters.too.many → 413', async () => {
      const response = await request(
        ownParserApp(express.urlencoded({ extended: false, parameterLimit: 2 })),
      )
        .post('/form')
        .type('form')
        .send('a=1&b=2&c=3');
      expectProblem(response, 413, tooLarge('The request body has too many parameters.'));
    });

    it('express.urlencoded(): querystring.parse.rangeError (nested too deeply) → 400', async () => {
      // `depth` is newer than the typings of body-parser.
      const options = { extended: true, depth: 1 } as Parameters<typeof express.urlencoded>[0];
      const response = await request(ownParserApp(express.urlencoded(options)))
        .post('/form')
        .type('form')
        .send('a[b][c][d]=1');
      expectProblem(response, 400, badRequest('The request body is nested too deeply.'));
    });
  });

  it('request.aborted → logged at info, never as an error, and nothing written', async () => {
    const log = recordingLogger();
    const logged = new Promise<void>((resolve) => {
      log.logger.info = (obj, msg) => {
        log.calls.push({ level: 'info', obj, msg });
        resolve();
      };
    });
    let arrived: () => void = () => {};
    const headersIn = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const app = express();
    app.use((_req, _res, next) => {
      arrived();
      next();
    });
    app.use(problemJson());
    app.post('/datasets', (_req, res) => {
      res.status(201).end();
    });
    app.use(problemHandlers({ logger: log.logger }));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(
        'POST /datasets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":',
      );
      await headersIn;
      socket.destroy();
      await logged;
      expect(log.calls).toEqual([
        {
          level: 'info',
          obj: {
            err: expect.objectContaining({ type: 'request.aborted' }),
            status: 400,
            method: 'POST',
            url: '/datasets',
          },
          msg: 'POST /datasets was abandoned by the client',
        },
      ]);
    } finally {
      server.close();
    }
  });
});
