/**
 * The README's table "Every failure and its answer", row by row, against real Express 4 and 5
 * apps: each row is looked up by its first cell, played, and its status, `error_code` and the
 * details and headers it quotes are checked. A row without a scenario here, or a scenario whose
 * row is gone, fails. To change what a row promises, change the README (and the code); the cells
 * are read, not copied.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { ProblemError } from '@faultline/core';
import {
  type ProblemHandlerOptions,
  type ProblemJsonOptions,
  type ProblemLogger,
  problemClientErrors,
  problemHandlers,
  problemJson,
  rateLimitExceeded,
  wrapAsyncRoutes,
} from '@faultline/express';
import { exchange } from '@faultline/test-support';
import Boom from '@hapi/boom';
import type { Express, RequestHandler } from 'express';
import express5 from 'express';
import { rateLimit } from 'express-rate-limit';
import express4 from 'express4';
import createError from 'http-errors';
import request from 'supertest';
import {
  type Columns,
  claimsOf,
  describeTable,
  isProblem,
  lastResortProblem,
  type Observed,
  observation,
  type Scenario,
  tableAfter,
  wireObservation,
} from '../../../scripts/readme-tables';

// Real servers, raw sockets and a request timeout: generous, the machine is shared.
jest.setTimeout(60_000);

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const rows = tableAfter(readme, '## Every failure and its answer');

const FAILURE = 'failure';
const STATUS = 'status';
const CODE = '`error_code`';
const DETAIL = 'detail / headers';

interface Framework {
  readonly name: string;
  readonly express: typeof express5;
}

const frameworks: readonly Framework[] = [
  { name: 'Express 5', express: express5 },
  { name: 'Express 4', express: express4 as unknown as typeof express5 },
];

// ---------------------------------------------------------------------------------------------
// Harness

interface Recorded {
  readonly logger: ProblemLogger;
  readonly levels: string[];
  readonly records: Record<string, unknown>[];
}

function recorder(): Recorded {
  const levels: string[] = [];
  const records: Record<string, unknown>[] = [];
  const at = (level: string) => (obj: Readonly<Record<string, unknown>>) => {
    levels.push(level);
    records.push({ ...obj });
  };
  return {
    levels,
    records,
    logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
  };
}

/**
 * An app: `setup` adds the middleware and routes, then the problem handlers go last and every
 * async handler is wrapped (a no-op on Express 5), as the README tells Express 4 users to do.
 */
function appOf(
  framework: Framework,
  setup: (app: Express) => void,
  options: ProblemHandlerOptions = {},
): { app: Express; log: Recorded } {
  const log = recorder();
  const app = framework.express();
  setup(app);
  app.use(problemHandlers({ logger: log.logger, ...options }));
  wrapAsyncRoutes(app);
  return { app, log };
}

function observe(response: request.Response, log: Recorded): Observed {
  const { status, headers, text: body } = response;
  return observation({ status, headers: headers as Record<string, unknown>, body }, log.levels);
}

/** Sends a body byte for byte (superagent would otherwise encode it). */
function send(
  test: request.Test,
  body: string | Buffer,
  headers: Record<string, string>,
): request.Test {
  for (const [name, value] of Object.entries(headers)) test.set(name, value);
  return test.serialize((raw: unknown) => raw as string).send(body);
}

async function listening(server: http.Server): Promise<number> {
  if (!server.listening) {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  }
  return (server.address() as AddressInfo).port;
}

/** Writes raw bytes on a new connection to `server`; what came back, as an observation. */
async function played(server: http.Server, bytes: string, log: Recorded): Promise<Observed> {
  return wireObservation(await exchange(await listening(server), bytes), log.levels);
}

/** A server whose requests Node's parser rejects, answered by `problemClientErrors`. */
function clientErrorServer(
  framework: Framework,
  serverOptions: http.ServerOptions = {},
): { server: http.Server; log: Recorded } {
  const { app, log } = appOf(framework, () => {});
  const server = http.createServer(serverOptions, app);
  problemClientErrors(server, { logger: log.logger });
  return { server, log };
}

async function closing<T>(server: http.Server, use: () => Promise<T>): Promise<T> {
  try {
    return await use();
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The scenarios, by the first cell of their row

const jsonRoutes = (app: Express, options?: ProblemJsonOptions, before?: RequestHandler) => {
  if (before !== undefined) app.use(before);
  app.use(problemJson(options));
  app.post('/datasets', (req, res) => {
    res.status(201).json(req.body);
  });
  app.patch('/datasets/:id', (req, res) => {
    res.json(req.body);
  });
};

const postJson = (
  framework: Framework,
  body: string | Buffer,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
  options?: ProblemJsonOptions,
  before?: RequestHandler,
) => {
  const { app, log } = appOf(framework, (app) => jsonRoutes(app, options, before));
  return send(request(app).post('/datasets'), body, headers).then((r) => observe(r, log));
};

const thrownBy = (framework: Framework, value: () => unknown, options?: ProblemHandlerOptions) => {
  const { app, log } = appOf(
    framework,
    (app) =>
      app.get('/fail', () => {
        throw value();
      }),
    options,
  );
  return request(app)
    .get('/fail')
    .then((r) => observe(r, log));
};

const zstdCoding = 'createZstdDecompress' in zlib ? ', zstd' : '';

const scenarios: Readonly<Record<string, Scenario<Framework>>> = {
  '`throw new ProblemError(code, …)`, `next(err)`, a rejected promise': {
    means: { status: { "the code's": 409 }, code: { 'the code': 'RESOURCE_ALREADY_EXISTS' } },
    run: (framework) =>
      thrownBy(
        framework,
        () => new ProblemError('RESOURCE_ALREADY_EXISTS', { detail: 'The name is taken.' }),
      ),
    async more(framework) {
      const error = () => new ProblemError('RESOURCE_ALREADY_EXISTS', { detail: 'Taken.' });
      const { app } = appOf(framework, (app) => {
        app.get('/next', (_req, _res, next) => next(error()));
        app.get('/async', async () => {
          await Promise.resolve();
          throw error();
        });
      });
      for (const path of ['/next', '/async']) {
        const response = await request(app).get(path);
        expect([path, response.status, response.body]).toEqual([
          path,
          409,
          expect.objectContaining({ detail: 'Taken.', error_code: 'RESOURCE_ALREADY_EXISTS' }),
        ]);
      }
    },
  },

  'any error, string or value without a status; status outside 400–599': {
    run: (framework) => thrownBy(framework, () => new Error('password=hunter2')),
    async more(framework) {
      const values: unknown[] = [
        'a string',
        42,
        { message: 'no status' },
        Object.assign(new Error('moved'), { status: 302 }),
        { statusCode: 600 },
      ];
      for (const value of values) {
        const observed = await thrownBy(framework, () => value);
        expect([value, observed.status, observed.body?.error_code]).toEqual([
          value,
          500,
          undefined,
        ]);
      }
    },
  },

  'http-errors / objects with `status` or `statusCode` 400–599': {
    means: {
      status: { 'that status': 410 },
      code: { "the status's code (`GONE` for 410, …)": 'GONE' },
    },
    run: (framework) => thrownBy(framework, () => createError(410, 'The dataset was deleted.')),
    async more(framework, row) {
      expect(row[DETAIL]).toContain('the message only when `expose` is true');
      const exposed = await thrownBy(framework, () => createError(410, 'Deleted.'));
      expect(exposed.body?.detail).toBe('Deleted.');
      const hidden = await thrownBy(framework, () =>
        createError(410, 'internal note', { expose: false }),
      );
      expect(hidden.body).not.toHaveProperty('detail');
      const plain = await thrownBy(framework, () => ({ statusCode: 404, message: 'x' }));
      expect([plain.status, plain.body?.error_code, plain.body?.detail]).toEqual([
        404,
        'RESOURCE_NOT_FOUND',
        undefined,
      ]);
      expect(row[DETAIL]).toContain('`err.headers` applied');
      const withHeaders = await thrownBy(framework, () =>
        createError(410, 'Deleted.', { headers: { 'X-Deleted-By': 'admin' } }),
      );
      expect(withHeaders.headers['x-deleted-by']).toBe('admin');
    },
  },

  '@hapi/boom': {
    means: {
      status: { '`output.statusCode`': 409 },
      code: { "the status's code": 'RESOURCE_ALREADY_EXISTS' },
    },
    run: (framework) => thrownBy(framework, () => Boom.conflict('The name is taken.')),
    async more(framework, row) {
      expect(row[DETAIL]).toBe('the message for 4xx');
      const conflict = await thrownBy(framework, () => Boom.conflict('The name is taken.'));
      expect(conflict.body?.detail).toBe('The name is taken.');
      const upstream = await thrownBy(framework, () => Boom.badGateway('db at 10.0.0.5 down'));
      expect([upstream.status, upstream.body?.detail, upstream.body?.error_code]).toEqual([
        502,
        undefined,
        undefined,
      ]);
    },
  },

  'path no route serves (OPTIONS included)': {
    async run(framework) {
      const { app, log } = appOf(framework, (app) =>
        app.get('/datasets', (_req, res) => res.end()),
      );
      return observe(await request(app).get('/nothing-here'), log);
    },
    async more(framework) {
      const { app } = appOf(framework, (app) => app.get('/datasets', (_req, res) => res.end()));
      const response = await request(app).options('/nothing-here');
      expect([response.status, response.body.error_code]).toEqual([404, 'RESOURCE_NOT_FOUND']);
    },
  },

  'path served, method not': {
    async run(framework) {
      const { app, log } = appOf(framework, (app) => {
        app.post('/datasets', (_req, res) => res.end());
        app.get('/datasets', (_req, res) => res.end());
      });
      return observe(await request(app).put('/datasets'), log);
    },
  },

  'OPTIONS on a served path': {
    means: { code: { '(not a problem)': undefined } },
    async run(framework) {
      const { app, log } = appOf(framework, (app) => {
        app.get('/datasets', (_req, res) => res.end());
        app.post('/datasets', (_req, res) => res.end());
      });
      const response = await request(app).options('/datasets');
      expect(isProblem(response.headers)).toBe(false);
      return { ...observe(response, log), status: response.status };
    },
  },

  'a body (Content-Length > 0 or Transfer-Encoding) whose Content-Type is missing or not JSON': {
    async run(framework) {
      const { app, log } = appOf(framework, (app) => jsonRoutes(app));
      const response = await send(request(app).patch('/datasets/1'), 'name=x', {
        'Content-Type': 'text/plain',
      });
      return observe(response, log);
    },
    async more(framework) {
      const { app } = appOf(framework, (app) => jsonRoutes(app));
      const server = http.createServer(app);
      await closing(server, async () => {
        const port = await listening(server);
        // No Content-Type at all; and a chunked body (Transfer-Encoding, no Content-Length).
        const bodies: { headers: http.OutgoingHttpHeaders; chunked: boolean }[] = [
          { headers: { 'Content-Length': '4' }, chunked: false },
          { headers: { 'Content-Type': 'application/xml' }, chunked: true },
        ];
        for (const { headers, chunked } of bodies) {
          const status = await new Promise<number | undefined>((resolve, reject) => {
            const req = http.request(
              { port, host: '127.0.0.1', method: 'POST', path: '/datasets', headers },
              (res) => {
                res.resume();
                resolve(res.statusCode);
              },
            );
            req.on('error', reject);
            if (chunked) req.write('<a/>');
            req.end(chunked ? undefined : '{"a"');
          });
          expect([headers, status]).toEqual([headers, 415]);
        }
      });
    },
  },

  '`entity.parse.failed` (malformed JSON)': {
    run: (framework) => postJson(framework, '{"a": }'),
  },

  '`entity.parse.failed` (strict: a top-level primitive)': {
    run: (framework) => postJson(framework, '"just-a-name"'),
  },

  '`entity.too.large`': {
    // The default limit, 100 KiB, refused from the announced Content-Length.
    run: (framework) => postJson(framework, JSON.stringify({ name: 'x'.repeat(102_400) })),
    async more(framework) {
      const observed = await postJson(
        framework,
        JSON.stringify({ name: 'x'.repeat(40) }),
        {
          'Content-Type': 'application/json',
        },
        { limit: 16 },
      );
      expect(observed.body?.detail).toBe('The request body is larger than the limit of 16 bytes.');
    },
  },

  '`parameters.too.many` (urlencoded)': {
    async run(framework) {
      const { app, log } = appOf(framework, (app) =>
        app.post(
          '/form',
          framework.express.urlencoded({ extended: false, parameterLimit: 2 }),
          (_req, res) => res.end(),
        ),
      );
      const response = await request(app).post('/form').type('form').send('a=1&b=2&c=3');
      return observe(response, log);
    },
  },

  '`encoding.unsupported`': {
    async run(framework) {
      const observed = await postJson(framework, '{}', {
        'Content-Type': 'application/json',
        'Content-Encoding': 'compress',
      });
      // The README quotes what Node 20 decodes; body-parser adds zstd where zlib has it.
      const value = observed.headers['accept-encoding'];
      const acceptEncoding =
        typeof value === 'string' && zstdCoding !== '' ? value.replace(', zstd', '') : value;
      return { ...observed, headers: { ...observed.headers, 'accept-encoding': acceptEncoding } };
    },
    async more(framework, row) {
      expect(row[DETAIL]).toContain('(`identity` with `inflate: false`)');
      const observed = await postJson(
        framework,
        zlib.gzipSync('{}'),
        { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        { inflate: false },
      );
      expect([observed.status, observed.headers['accept-encoding']]).toEqual([415, 'identity']);
    },
  },

  '`charset.unsupported`': {
    // body-parser's own error, from the framework's parser.
    async run(framework) {
      const { app, log } = appOf(framework, (app) =>
        app.post('/datasets', framework.express.json(), (_req, res) => res.end()),
      );
      const response = await send(request(app).post('/datasets'), '{}', {
        'Content-Type': 'application/json; charset=latin1',
      });
      return observe(response, log);
    },
    async more(framework, row) {
      // problemJson() refuses the charset before body-parser runs, with the same answer.
      const observed = await postJson(framework, '{}', {
        'Content-Type': 'application/json; charset=latin1',
      });
      const [detail] = claimsOf(row[DETAIL]!).filter((claim) => claim.kind === 'detail');
      expect(detail).toBeDefined();
      expect([observed.status, observed.body?.detail]).toEqual([
        415,
        expect.stringMatching(detail?.kind === 'detail' ? detail.pattern : /^$/),
      ]);
    },
  },

  'corrupt compressed body (zlib `Z_DATA_ERROR`, no `type`)': {
    run: (framework) =>
      postJson(framework, 'this is not gzip', {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      }),
  },

  '`request.size.invalid` (Content-Length does not match)': {
    run: (framework) =>
      postJson(
        framework,
        '{"name":"x"}',
        { 'Content-Type': 'application/json' },
        undefined,
        (req, _res, next) => {
          // A proxy or middleware that got the length wrong: the body is shorter than announced.
          req.headers['content-length'] = String(Number(req.headers['content-length']) + 5);
          next();
        },
      ),
  },

  '`querystring.parse.rangeError` (urlencoded, nested too deeply)': {
    async run(framework) {
      // `depth` is newer than the typings of body-parser.
      const options = { extended: true, depth: 1 } as Parameters<typeof express5.urlencoded>[0];
      const { app, log } = appOf(framework, (app) =>
        app.post('/form', framework.express.urlencoded(options), (_req, res) => res.end()),
      );
      const response = await request(app).post('/form').type('form').send('a[b][c][d]=1');
      return observe(response, log);
    },
  },

  '`request.aborted`': {
    async run(framework) {
      let arrived: () => void = () => {};
      const headersIn = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const { app, log } = appOf(framework, (app) => {
        app.use((_req, _res, next) => {
          arrived();
          next();
        });
        jsonRoutes(app);
      });
      const server = http.createServer(app);
      let received = '';
      await closing(server, async () => {
        const socket = net.connect(await listening(server), '127.0.0.1');
        socket.on('error', () => {});
        socket.on('data', (chunk: Buffer) => {
          received += chunk.toString('latin1');
        });
        socket.write(
          'POST /datasets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":',
        );
        await headersIn;
        socket.destroy();
        for (let wait = 0; wait < 200 && log.records.length === 0; wait++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
      expect(received).toBe('');
      expect(log.records).toHaveLength(1);
      // Nothing reached the client; the answer it would have had is the logged error's.
      const logged = log.records[0]!;
      const replay = appOf(framework, (app) =>
        app.get('/replay', (_req, _res, next) => next(logged.err)),
      );
      const response = await request(replay.app).get('/replay');
      expect(response.status).toBe(logged.status);
      return { ...observe(response, replay.log), logged: [...log.levels] };
    },
  },

  '`entity.verify.failed`': {
    run: (framework) =>
      postJson(
        framework,
        '{}',
        { 'Content-Type': 'application/json' },
        {
          verify() {
            throw new Error('hmac mismatch for key 42');
          },
        },
      ),
    async more(framework, row) {
      expect(row[DETAIL]).toContain('a verify error with status 401 → 401 `INVALID_CREDENTIALS`');
      const unauthorised = await postJson(framework, '{}', undefined, {
        verify() {
          throw Object.assign(new Error('bad signature'), { status: 401 });
        },
      });
      expect([unauthorised.status, unauthorised.body?.error_code]).toEqual([
        401,
        'INVALID_CREDENTIALS',
      ]);
      expect(row[DETAIL]).toContain('a `ProblemError` is answered as it is');
      const own = await postJson(framework, '{}', undefined, {
        verify() {
          throw new ProblemError('AUTHENTICATION_REQUIRED', { detail: 'Sign the body.' });
        },
      });
      expect([own.status, own.body?.error_code, own.body?.detail]).toEqual([
        401,
        'AUTHENTICATION_REQUIRED',
        'Sign the body.',
      ]);
    },
  },

  "`stream.encoding.set` (a middleware set an encoding on the request), `stream.not.readable` (Express 4's `express.json()` after another middleware read the body)":
    {
      run: (framework) =>
        postJson(framework, '{}', undefined, undefined, (req, _res, next) => {
          req.setEncoding('utf8');
          next();
        }),
      async more(framework) {
        const readFirst: RequestHandler = (req, _res, next) => {
          req.resume();
          req.on('end', () => next());
        };
        const after = async (parser: RequestHandler) => {
          const { app, log } = appOf(framework, (app) =>
            app.post('/datasets', readFirst, parser, (req, res) => {
              res.status(201).json({ parsed: req.body !== undefined });
            }),
          );
          const response = await send(request(app).post('/datasets'), '{}', {
            'Content-Type': 'application/json',
          });
          return { status: response.status, logged: [...log.levels] };
        };
        // Express 4's own body-parser (1.x) fails on the used-up stream...
        const own = await after(framework.express.json());
        expect(own).toEqual(
          framework.name === 'Express 4'
            ? { status: 500, logged: ['error'] }
            : { status: 201, logged: [] },
        );
        // ...while body-parser 2 (problemJson) passes over a body already read (the note under
        // the table).
        expect(await after(problemJson())).toEqual({ status: 201, logged: [] });
      },
    },

  "undecodable path parameter (`/datasets/%FF`, Express's `URIError`)": {
    async run(framework) {
      const { app, log } = appOf(framework, (app) =>
        app.get('/datasets/:id', (_req, res) => res.end()),
      );
      return observe(await request(app).get('/datasets/%FF'), log);
    },
  },

  'express-rate-limit rejection (`handler: rateLimitExceeded`)': {
    async run(framework) {
      const { app, log } = appOf(framework, (app) => {
        app.use(
          rateLimit({
            windowMs: 60_000,
            limit: 1,
            standardHeaders: 'draft-6',
            legacyHeaders: true,
            handler: rateLimitExceeded,
          }),
        );
        app.get('/datasets', (_req, res) => res.json([]));
      });
      const agent = request(app);
      expect((await agent.get('/datasets')).status).toBe(200);
      return observe(await agent.get('/datasets'), log);
    },
  },

  'Node `clientError`: malformed request line or header, unknown method token': {
    async run(framework) {
      const { server, log } = clientErrorServer(framework);
      return closing(server, () =>
        played(server, 'FOO /datasets HTTP/1.1\r\nHost: x\r\n\r\n', log),
      );
    },
    async more(framework) {
      const { server } = clientErrorServer(framework);
      await closing(server, async () => {
        for (const bytes of [
          'GET /datasets HTTP/1.1 extra\r\nHost: x\r\n\r\n',
          'GET /datasets HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n',
        ]) {
          const { received } = await exchange(await listening(server), bytes);
          const statusLine = received.toString('latin1').split('\r\n')[0];
          expect([bytes, statusLine]).toEqual([bytes, 'HTTP/1.1 400 Bad Request']);
        }
      });
    },
  },

  'Node `clientError`: `HPE_HEADER_OVERFLOW`': {
    async run(framework) {
      const { server, log } = clientErrorServer(framework);
      const big = `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
      return closing(server, () => played(server, big, log));
    },
  },

  'Node `clientError`: request timeout': {
    async run(framework) {
      const { server, log } = clientErrorServer(framework, {
        requestTimeout: 300,
        headersTimeout: 300,
        connectionsCheckingInterval: 50,
      });
      // The headers never end.
      return closing(server, () => played(server, 'GET / HTTP/1.1\r\nHost: x\r\n', log));
    },
  },

  'Node `clientError`: `ECONNRESET`, or a socket that cannot be written': {
    async run(framework) {
      const { server, log } = clientErrorServer(framework);
      return closing(server, async () => {
        const accepted = once(server, 'connection') as Promise<[net.Socket]>;
        const client = net.connect(await listening(server), '127.0.0.1');
        client.on('error', () => {});
        let received = '';
        client.on('data', (chunk: Buffer) => {
          received += chunk.toString('latin1');
        });
        const [socket] = await accepted;
        const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
        server.emit('clientError', reset, socket);
        expect(socket.destroyed).toBe(true);
        await once(client, 'close');
        expect(received).toBe('');

        // A socket that can no longer be written is destroyed too, whatever the error.
        const second = once(server, 'connection') as Promise<[net.Socket]>;
        const other = net.connect(await listening(server), '127.0.0.1');
        other.on('error', () => {});
        const [unwritable] = await second;
        unwritable.end();
        const invalid = Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' });
        server.emit('clientError', invalid, unwritable);
        expect(unwritable.destroyed).toBe(true);
        other.destroy();
        return { status: undefined, headers: {}, body: undefined, logged: [...log.levels] };
      });
    },
  },

  'an error after the response started': {
    async run(framework) {
      const { app, log } = appOf(framework, (app) =>
        app.get('/stream', (_req, res, next) => {
          res.status(200).setHeader('Content-Type', 'text/plain');
          res.write('first part');
          next(new Error('the source failed half-way'));
        }),
      );
      const server = http.createServer(app);
      const outcome = await closing(server, async () => {
        const port = await listening(server);
        return new Promise<{ status: number | undefined; complete: boolean }>((resolve) => {
          const req = http.get({ port, host: '127.0.0.1', path: '/stream' }, (res) => {
            res.on('data', () => {});
            res.on('error', () => {});
            res.on('close', () => resolve({ status: res.statusCode, complete: res.complete }));
          });
          req.on('error', () => resolve({ status: undefined, complete: false }));
        });
      });
      // The 200 already went out; the connection is cut, so the client sees an incomplete body.
      expect(outcome).toEqual({ status: 200, complete: false });
      return { status: undefined, headers: {}, body: undefined, logged: [...log.levels] };
    },
  },

  'the problem itself cannot be built or serialised': {
    async run(framework) {
      // A BigInt extension: JSON.stringify throws while the answer is written.
      const observed = await thrownBy(
        framework,
        () => new ProblemError('RESOURCE_ALREADY_EXISTS', { extensions: { version: 10n } }),
      );
      expect(observed.body).toEqual(lastResortProblem);
      return observed;
    },
  },
};

const columns: Columns = { key: FAILURE, status: STATUS, code: CODE, claims: [DETAIL] };

describeTable(
  'packages/express/README.md: “Every failure and its answer”',
  { rows, columns, scenarios },
  frameworks,
);
