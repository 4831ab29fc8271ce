/**
 * The README's tables "What each failure becomes" and "Fastify's own errors", row by row, against
 * real Fastify 4 and 5 apps: each row is looked up by its first cell, played, and its status,
 * `error_code` and the details and headers it quotes are checked. A row without a scenario here,
 * or a scenario whose row is gone, fails. To change what a row promises, change the README (and
 * the code); the cells are read, not copied.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import rateLimit5 from '@fastify/rate-limit';
import sensible5 from '@fastify/sensible';
import { ProblemError } from '@faultline/core';
import {
  type FaultlineOptions,
  faultline,
  problemClientErrorHandler,
  problemFrameworkErrors,
  rateLimitErrorResponseBuilder,
} from '@faultline/fastify';
import { exchange } from '@faultline/test-support';
import Boom from '@hapi/boom';
import fastify5, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  type InjectOptions,
} from 'fastify';
import fastify4 from 'fastify4';
import createError from 'http-errors';
import rateLimit4 from 'rate-limit4';
import sensible4 from 'sensible4';
import {
  type Columns,
  claimsOf,
  describeTable,
  expectRow,
  expectScenarioForEachRow,
  isProblem,
  lastResortProblem,
  type Observed,
  observation,
  type Row,
  type Scenario,
  statusesOf,
  tableAfter,
  wireObservation,
} from '../../../scripts/readme-tables';

// Real servers, raw sockets and a request timeout: generous, the machine is shared.
jest.setTimeout(60_000);

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const failures = tableAfter(readme, '## What each failure becomes');
/** Keyed by the code without its backticks. */
const ownErrors: Row[] = tableAfter(readme, "### Fastify's own errors").map((row) => ({
  ...row,
  code: (row.code ?? '').replace(/`/g, ''),
}));

type Factory = (options?: FastifyServerOptions) => FastifyInstance;
type Plugin = FastifyPluginAsync<Record<string, unknown>>;

interface Version {
  readonly name: string;
  readonly major: 4 | 5;
  readonly Fastify: Factory;
  readonly rateLimit: Plugin;
  readonly sensible: Plugin;
  readonly errorCodes: Readonly<Record<string, new () => Error>>;
}

const errorCodesOf = (fastify: unknown) =>
  (fastify as { errorCodes: Record<string, new () => Error> }).errorCodes;

// Fastify 4's types differ in detail from 5's; both are driven through 5's.
const versions: readonly Version[] = [
  {
    name: 'Fastify 5',
    major: 5,
    Fastify: fastify5 as unknown as Factory,
    rateLimit: rateLimit5 as unknown as Plugin,
    sensible: sensible5 as unknown as Plugin,
    errorCodes: errorCodesOf(fastify5),
  },
  {
    name: 'Fastify 4',
    major: 4,
    Fastify: fastify4 as unknown as Factory,
    rateLimit: rateLimit4 as unknown as Plugin,
    sensible: sensible4 as unknown as Plugin,
    errorCodes: errorCodesOf(fastify4),
  },
];

// ---------------------------------------------------------------------------------------------
// Harness

/** An app with the plugin registered first, then `routes`; closed after the test. */
const open: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

async function appOf(
  version: Version,
  routes: (app: FastifyInstance) => unknown,
  options: FaultlineOptions = {},
  server: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = version.Fastify({ logger: false, ...server });
  open.push(app);
  await app.register(faultline, options);
  await routes(app);
  await app.ready();
  return app;
}

async function inject(app: FastifyInstance, options: InjectOptions | string): Promise<Observed> {
  const { statusCode: status, headers, body } = await app.inject(options);
  return observation({ status, headers, body });
}

/** An app whose one route fails with `fail`; the answer to a GET of it. */
async function thrown(
  version: Version,
  fail: (reply: { code(status: number): unknown }) => unknown,
  options: FaultlineOptions = {},
): Promise<Observed> {
  const app = await appOf(
    version,
    (app) =>
      app.get('/fail', async (_request, reply) => {
        throw fail(reply);
      }),
    options,
  );
  return inject(app, '/fail');
}

const datasetSchema = {
  body: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 10 },
      visibility: { type: 'string', enum: ['public', 'private'] },
      kind: { const: 'dataset' },
      size: { type: 'integer', minimum: 0 },
      owner: { type: 'string', format: 'email' },
      slug: { type: 'string', pattern: '^[a-z]+$' },
    },
  },
} as const;

/** POSTs a body to `/datasets`, a route with a body schema; the plugin reads JSON bodies. */
async function post(
  version: Version,
  payload: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  options: FaultlineOptions = {},
  server: FastifyServerOptions = {},
): Promise<Observed> {
  const app = await appOf(
    version,
    (app) => app.post('/datasets', { schema: datasetSchema }, async (request) => request.body),
    options,
    server,
  );
  return inject(app, { method: 'POST', url: '/datasets', payload, headers });
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

/** Writes raw bytes on a new connection; what came back, as an observation. */
async function played(port: number, bytes: string): Promise<Observed> {
  return wireObservation(await exchange(port, bytes));
}

/** A listening app whose requests Node's parser rejects, answered by the problem handler. */
async function parserRejects(
  version: Version,
  bytes: string,
  server: FastifyServerOptions = {},
): Promise<Observed> {
  const app = await appOf(
    version,
    (app) => app.get('/', async () => ({ ok: true })),
    {},
    {
      clientErrorHandler: problemClientErrorHandler(),
      ...server,
    },
  );
  return played(await listen(app), bytes);
}

const expectAnswer = (observed: Observed, status: number, code: string | undefined) =>
  expect([observed.status, observed.body?.error_code]).toEqual([status, code]);

// ---------------------------------------------------------------------------------------------
// "What each failure becomes", by the first cell of each row

const byFailure: Readonly<Record<string, Scenario<Version>>> = {
  '`throw new ProblemError(code, …)` (async or sync handler, any hook, `reply.send(err)`)': {
    means: { status: { "the code's": 409 }, code: { 'the code': 'RESOURCE_ALREADY_EXISTS' } },
    run: (version) => thrown(version, () => new ProblemError('RESOURCE_ALREADY_EXISTS')),
    async more(version) {
      const error = () => new ProblemError('RESOURCE_ALREADY_EXISTS', { detail: 'Taken.' });
      const app = await appOf(version, (app) => {
        app.get('/sync', () => {
          throw error();
        });
        app.get('/send', (_request, reply) => {
          reply.send(error());
        });
        app.get('/on-request', { onRequest: async () => Promise.reject(error()) }, async () => 1);
        app.get('/pre-handler', { preHandler: (_q, _r, done) => done(error()) }, async () => 1);
      });
      for (const url of ['/sync', '/send', '/on-request', '/pre-handler']) {
        const observed = await inject(app, url);
        expect([url, observed.status, observed.body?.detail]).toEqual([url, 409, 'Taken.']);
      }
    },
  },

  'mapped by one of your `mappers`': {
    means: {
      status: { "the result's": 403 },
      code: { "the result's": 'ACCESS_DENIED' },
    },
    run: (version) =>
      thrown(version, () => Object.assign(new Error('no access'), { name: 'NoAccess' }), {
        mappers: [
          (error) =>
            error instanceof Error && error.name === 'NoAccess'
              ? new ProblemError('ACCESS_DENIED')
              : undefined,
        ],
      }),
  },

  'http-errors / @fastify/sensible (`httpErrors.*`, `reply.notFound()`, …)': {
    means: {
      status: { "the error's": 404 },
      code: {
        "a catalogue code for the status (`RESOURCE_NOT_FOUND`, `RESOURCE_ALREADY_EXISTS`, …), the error's own `code` if it is one of the catalogue's with that status, else one derived from the status (410 → `GONE`)":
          'RESOURCE_NOT_FOUND',
      },
    },
    async run(version) {
      const app = await appOf(version, async (app) => {
        await app.register(version.sensible);
        app.get('/missing', async (_request, reply) => reply.notFound());
      });
      return inject(app, '/missing');
    },
    async more(version) {
      const app = await appOf(version, async (app) => {
        await app.register(version.sensible);
        app.get('/conflict', async () => {
          throw (app as unknown as { httpErrors: { conflict(): Error } }).httpErrors.conflict();
        });
      });
      expectAnswer(await inject(app, '/conflict'), 409, 'RESOURCE_ALREADY_EXISTS');
      expectAnswer(await thrown(version, () => createError(410)), 410, 'GONE');
      expectAnswer(
        await thrown(version, () => createError(400, 'Bad id.', { code: 'INVALID_ID' })),
        400,
        'INVALID_ID',
      );
      // A code of the catalogue, but of another status: the status's code.
      expectAnswer(
        await thrown(version, () => createError(400, 'x', { code: 'RESOURCE_NOT_FOUND' })),
        400,
        'VALIDATION_ERROR',
      );
    },
  },

  '@hapi/boom': {
    means: { status: { "the error's": 409 }, code: { 'as above': 'RESOURCE_ALREADY_EXISTS' } },
    run: (version) => thrown(version, () => Boom.conflict('The name is taken.')),
    async more(version) {
      expectAnswer(await thrown(version, () => Boom.resourceGone()), 410, 'GONE');
    },
  },

  'plain object with `statusCode`/`status` 400–599 (`throw { statusCode: 418 }`)': {
    means: { status: { 'that status': 418 }, code: { 'as above (`IM_A_TEAPOT`)': 'IM_A_TEAPOT' } },
    run: (version) => thrown(version, () => ({ statusCode: 418 })),
    async more(version) {
      expectAnswer(await thrown(version, () => ({ status: 404 })), 404, 'RESOURCE_NOT_FOUND');
    },
  },

  '`reply.code(4xx)` then an error without a status': {
    means: { status: { 'that status': 409 }, code: { 'as above': 'RESOURCE_ALREADY_EXISTS' } },
    async run(version) {
      const observed = await thrown(version, (reply) => {
        reply.code(409);
        return new Error('the name is taken (internal wording)');
      });
      expect(observed.body?.detail).toBeUndefined();
      return observed;
    },
  },

  "anything else: `Error`, `throw 'x'`, `throw null`, `throw 42`, `statusCode: 600`": {
    run: (version) => thrown(version, () => new Error('password=hunter2')),
    async more(version) {
      for (const value of ['x', null, 42, { statusCode: 600 }]) {
        const observed = await thrown(version, () => value);
        expect([value, observed.status, observed.body?.error_code]).toEqual([
          value,
          500,
          undefined,
        ]);
      }
    },
  },

  'path no route serves': {
    async run(version) {
      const app = await appOf(version, (app) => app.get('/datasets', async () => []));
      return inject(app, '/nothing-here');
    },
  },

  'path served, method not (`PUT /datasets`)': {
    async run(version) {
      const app = await appOf(version, (app) => {
        app.get('/datasets', async () => []);
        app.post('/datasets', async () => ({}));
      });
      return inject(app, { method: 'PUT', url: '/datasets' });
    },
  },

  '`OPTIONS` on a served path': {
    async run(version) {
      const app = await appOf(version, (app) => {
        app.get('/datasets', async () => []);
        app.post('/datasets', async () => ({}));
      });
      const response = await app.inject({ method: 'OPTIONS', url: '/datasets' });
      expect(isProblem(response.headers)).toBe(false);
      return { status: response.statusCode, headers: response.headers, body: undefined };
    },
  },

  '`OPTIONS` on an unserved path': {
    async run(version) {
      const app = await appOf(version, (app) => app.get('/datasets', async () => []));
      return inject(app, { method: 'OPTIONS', url: '/nothing-here' });
    },
  },

  'body that is not JSON (`text/plain`, `application/xml`, a form, no `Content-Type` at all)': {
    run: (version) => post(version, 'name=x', { 'content-type': 'text/plain' }),
    async more(version) {
      for (const type of ['application/xml', 'application/x-www-form-urlencoded']) {
        expectAnswer(
          await post(version, 'name=x', { 'content-type': type }),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        );
      }
      // No Content-Type at all: sent on a real connection, where nothing adds one.
      const app = await appOf(version, (app) =>
        app.post('/datasets', { schema: datasetSchema }, async (request) => request.body),
      );
      const observed = await played(
        await listen(app),
        'POST /datasets HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{"name":"x"}',
      );
      expectAnswer(observed, 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  },

  'JSON in a charset other than UTF-8': {
    run: (version) =>
      post(version, '{"name":"x"}', { 'content-type': 'application/json; charset=latin1' }),
  },

  'malformed JSON': {
    run: (version) => post(version, '{"a": }'),
  },

  'a body of any kind (not JSON, malformed, too large) to a path no route serves': {
    async run(version) {
      const app = await appOf(version, (app) => app.get('/datasets', async () => []));
      return inject(app, {
        method: 'POST',
        url: '/nowhere',
        payload: '{"name":',
        headers: { 'content-type': 'application/json' },
      });
    },
    async more(version) {
      const app = await appOf(
        version,
        (app) => app.get('/datasets', async () => []),
        {},
        {
          bodyLimit: 4,
        },
      );
      for (const [payload, type] of [
        ['name=x', 'text/plain'],
        ['{"name":"far over the limit"}', 'application/json'],
      ] as const) {
        expectAnswer(
          await inject(app, {
            method: 'POST',
            url: '/nowhere',
            payload,
            headers: { 'content-type': type },
          }),
          404,
          'RESOURCE_NOT_FOUND',
        );
      }
    },
  },

  'a body of any kind to a path served only with other methods': {
    async run(version) {
      const app = await appOf(version, (app) => app.get('/datasets', async () => []));
      return inject(app, {
        method: 'POST',
        url: '/datasets',
        payload: 'name=x',
        headers: { 'content-type': 'text/plain' },
      });
    },
  },

  'empty (or whitespace-only) JSON body': {
    run: (version) => post(version, ''),
    async more(version) {
      expectAnswer(await post(version, ' \t\n'), 400, 'VALIDATION_ERROR');
    },
  },

  "`__proto__` / `constructor.prototype` key (with `onProtoPoisoning: 'error'`, Fastify's default)":
    {
      run: (version) => post(version, '{"name":"x","__proto__":{"admin":true}}'),
      async more(version) {
        expectAnswer(
          await post(version, '{"name":"x","constructor":{"prototype":{"admin":true}}}'),
          400,
          'VALIDATION_ERROR',
        );
      },
    },

  'body over `bodyLimit`': {
    run: (version) =>
      post(version, JSON.stringify({ name: 'x'.repeat(100) }), undefined, {}, { bodyLimit: 16 }),
  },

  'schema: `required`, or an empty required string (`minLength: 1`)': {
    run: (version) => post(version, '{}'),
    async more(version) {
      expectAnswer(await post(version, '{"name":""}'), 422, 'MISSING_REQUIRED_FIELD');
    },
  },

  'schema: `type`': {
    // An object cannot be coerced to a string, even with Fastify's default coercion.
    run: (version) => post(version, '{"name":{}}'),
  },

  'schema: `enum`, `const`': {
    run: (version) => post(version, '{"name":"x","visibility":"hidden"}'),
    async more(version) {
      expectAnswer(await post(version, '{"name":"x","kind":"table"}'), 422, 'INVALID_ENUM_VALUE');
    },
  },

  'schema: any other rule (`maxLength`, `minimum`, `format`, `pattern`, …)': {
    run: (version) => post(version, '{"name":"far too long a name"}'),
    async more(version) {
      for (const body of ['{"name":"x","size":-1}', '{"name":"x","owner":"not-an-email"}']) {
        expectAnswer(await post(version, body), 422, 'INVALID_FIELD_VALUE');
      }
      expectAnswer(await post(version, '{"name":"x","slug":"A1"}'), 422, 'INVALID_FIELD_VALUE');
    },
  },

  'schema: path parameter': {
    async run(version) {
      const app = await appOf(version, (app) =>
        app.get(
          '/datasets/:id',
          { schema: { params: { type: 'object', properties: { id: { type: 'integer' } } } } },
          async () => ({}),
        ),
      );
      return inject(app, '/datasets/not-a-number');
    },
  },

  'schema: a text body to a route whose body schema wants an object': {
    run: (version) =>
      post(
        version,
        'just text',
        { 'content-type': 'text/plain' },
        {
          json: { acceptTextPlain: true },
        },
      ),
  },

  '@fastify/rate-limit with `rateLimitErrorResponseBuilder`': {
    async run(version) {
      const app = await appOf(version, async (app) => {
        await app.register(version.rateLimit, {
          max: 1,
          timeWindow: 60_000,
          errorResponseBuilder: rateLimitErrorResponseBuilder,
        });
        app.get('/datasets', async () => []);
      });
      expect((await app.inject('/datasets')).statusCode).toBe(200);
      return inject(app, '/datasets');
    },
  },

  '@fastify/rate-limit ban': {
    async run(version) {
      const app = await appOf(version, async (app) => {
        await app.register(version.rateLimit, {
          max: 1,
          ban: 0,
          timeWindow: 60_000,
          errorResponseBuilder: rateLimitErrorResponseBuilder,
        });
        app.get('/datasets', async () => []);
      });
      expect((await app.inject('/datasets')).statusCode).toBe(200);
      return inject(app, '/datasets');
    },
  },

  "Node's HTTP parser: unknown method, malformed request line or header (with `problemClientErrorHandler`)":
    {
      run: (version) => parserRejects(version, 'FOO / HTTP/1.1\r\nHost: x\r\n\r\n'),
      async more(version) {
        for (const bytes of [
          'GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n',
          'GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n',
        ]) {
          expectAnswer(await parserRejects(version, bytes), 400, 'VALIDATION_ERROR');
        }
        // Without the handler, Fastify's own JSON (the note under "Fastify's own errors").
        const bare = await appOf(version, (app) => app.get('/', async () => ({ ok: true })));
        const { received } = await exchange(
          await listen(bare),
          'FOO / HTTP/1.1\r\nHost: x\r\n\r\n',
        );
        const raw = received.toString('latin1');
        expect(raw.slice(raw.indexOf('\r\n\r\n') + 4)).toBe(
          '{"error":"Bad Request","message":"Client Error","statusCode":400}',
        );
      },
    },

  "Node's HTTP parser: headers too large": {
    run: (version) =>
      parserRejects(version, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
  },

  "Node's HTTP parser: request or headers too slow": {
    run: (version) =>
      // The headers never end; Node checks for timeouts every 50 ms here instead of 30 s.
      parserRejects(version, 'GET / HTTP/1.1\r\nHost: x\r\n', {
        serverFactory: (handler) =>
          http.createServer(
            { requestTimeout: 300, headersTimeout: 300, connectionsCheckingInterval: 50 },
            handler,
          ),
      }),
  },

  'the error handler itself fails': {
    async run(version) {
      const observed = await thrown(version, () => new Error('x'), {
        instance: () => {
          throw new Error('the instance function fails');
        },
      });
      expect(observed.body).toEqual(lastResortProblem);
      return observed;
    },
  },
};

// ---------------------------------------------------------------------------------------------
// "Fastify's own errors", by code: each is thrown from a handler on the majors that define it;
// some are also raised for real.

interface OwnErrorScenario {
  /** The row says the code never reaches a handler: only its existence is checked. */
  readonly never?: true;
  /** Raises the error for real, where that is practical; given the row's cells. */
  readonly real?: (version: Version, row: Row) => Promise<void>;
}

/** Fastify's hard-coded answer to what it raises before routing, without the handler. */
const notAProblem = (observed: Observed) => expect(observed.body).toBeUndefined();

const byCode: Readonly<Record<string, OwnErrorScenario>> = {
  FST_ERR_VALIDATION: {
    async real(version, row) {
      const wrongType = await post(version, '{"name":{}}');
      expectAnswer(wrongType, 400, 'VALIDATION_ERROR');
      const missing = await post(version, '{}');
      expectAnswer(missing, 422, 'MISSING_REQUIRED_FIELD');
      const textPlain = { json: { acceptTextPlain: true } };
      const text = await post(version, 'text', { 'content-type': 'text/plain' }, textPlain);
      expectAnswer(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
      // "400 / 415 / 422": exactly the statuses seen.
      expect(statusesOf(row.status ?? '').sort()).toEqual(
        [wrongType, missing, text].map((observed) => observed.status).sort(),
      );
      // A custom validator that returns an Error of its own.
      const [detail] = claimsOf(row.when ?? '').filter((claim) => claim.kind === 'detail');
      const app = await appOf(version, (app) =>
        app.post(
          '/custom',
          {
            schema: { body: { type: 'object' } },
            validatorCompiler: () => () => ({ error: new Error('secret rule 7 failed') }),
          },
          async () => ({}),
        ),
      );
      const observed = await inject(app, {
        method: 'POST',
        url: '/custom',
        payload: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expectAnswer(observed, 400, 'VALIDATION_ERROR');
      expect(detail).toBeDefined();
      expect(observed.body?.detail).toMatch(detail?.kind === 'detail' ? detail.pattern : /^$/);
    },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {},
  FST_ERR_CTP_EMPTY_JSON_BODY: {},
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {},
  FST_ERR_BAD_URL: {
    async real(version) {
      const options = {};
      const app = await appOf(version, (app) => app.get('/:id', async () => ({})), options, {
        frameworkErrors: problemFrameworkErrors(options),
      });
      expectAnswer(await inject(app, '/%E0%A4%A'), 400, 'VALIDATION_ERROR');
      const bare = await appOf(version, (app) => app.get('/:id', async () => ({})));
      notAProblem(await inject(bare, '/%E0%A4%A'));
    },
  },
  FST_ERR_NOT_FOUND: {},
  FST_ERR_CTP_BODY_TOO_LARGE: {},
  FST_ERR_MAX_PARAM_LENGTH: {
    async real(version, row) {
      const options = {};
      const app = await appOf(version, (app) => app.get('/:id', async () => ({})), options, {
        maxParamLength: 10,
        frameworkErrors: problemFrameworkErrors(options),
      });
      const observed = await inject(app, `/${'x'.repeat(20)}`);
      if (version.major === 5) {
        expectAnswer(observed, 414, 'URI_TOO_LONG');
        const bare = await appOf(
          version,
          (app) => app.get('/:id', async () => ({})),
          {},
          {
            maxParamLength: 10,
          },
        );
        notAProblem(await inject(bare, `/${'x'.repeat(20)}`));
      } else {
        expect(row.when).toContain('(Fastify 4 answers 404)');
        expectAnswer(observed, 404, 'RESOURCE_NOT_FOUND');
      }
    },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {},
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: {},
  FST_ERR_HANDLER_TIMEOUT: {},
  FST_ERR_SEND_UNDEFINED_ERR: {},
  FST_ERR_BAD_STATUS_CODE: {},
  FST_ERR_REP_INVALID_PAYLOAD_TYPE: {},
  FST_ERR_REP_RESPONSE_BODY_CONSUMED: {},
  FST_ERR_REP_READABLE_STREAM_LOCKED: {},
  FST_ERR_BAD_TRAILER_NAME: {},
  FST_ERR_BAD_TRAILER_VALUE: {},
  FST_ERR_MISSING_SERIALIZATION_FN: {},
  FST_ERR_MISSING_CONTENTTYPE_SERIALIZATION_FN: {},
  FST_ERR_REQ_INVALID_VALIDATION_INVOCATION: {},
  FST_ERR_ASYNC_CONSTRAINT: {
    async real(version) {
      // A constraint whose strategy derives its value asynchronously, and fails.
      const failing = {
        name: 'tenant',
        storage() {
          const store = new Map<string, unknown>();
          return {
            get: (value: string) => store.get(value) ?? null,
            set: (value: string, found: unknown) => {
              store.set(value, found);
            },
          };
        },
        validate() {},
        deriveConstraint(_request: unknown, _context: unknown, done: (error: Error) => void) {
          done(new Error('the tenant service is down'));
        },
        mustMatchWhenDerived: false,
      };
      const options = {};
      const app = await appOf(
        version,
        (app) => app.get('/', { constraints: { tenant: 'a' } }, async () => ({})),
        options,
        {
          constraints: { tenant: failing },
          frameworkErrors: problemFrameworkErrors(options),
        } as unknown as FastifyServerOptions,
      );
      expectAnswer(await inject(app, '/'), 500, undefined);
      const bare = await appOf(
        version,
        (app) => app.get('/', { constraints: { tenant: 'a' } }, async () => ({})),
        {},
        { constraints: { tenant: failing } } as unknown as FastifyServerOptions,
      );
      notAProblem(await inject(bare, '/'));
    },
  },
  FST_ERR_FAILED_ERROR_SERIALIZATION: { never: true },
  FST_ERR_REP_ALREADY_SENT: { never: true },
  FST_ERR_SEND_INSIDE_ONERR: { never: true },
};

const ownColumns: Columns = { key: 'code', status: 'status', code: '`error_code`', claims: [] };

// ---------------------------------------------------------------------------------------------

describeTable(
  'packages/fastify/README.md: “What each failure becomes”',
  {
    rows: failures,
    columns: {
      key: 'failure',
      status: 'status',
      code: '`error_code`',
      claims: ['status', '`error_code`'],
    },
    scenarios: byFailure,
  },
  versions,
);

describe("packages/fastify/README.md: “Fastify's own errors”", () => {
  it('has a row for every code here, and a code here for every row', () => {
    expectScenarioForEachRow(ownErrors, 'code', byCode);
  });

  it.each(ownErrors.map((row) => [row.code!, row] as const))(
    'every code listed exists in Fastify 4 or 5: %s',
    (code) => {
      expect(versions.filter((version) => version.errorCodes[code] !== undefined)).not.toEqual([]);
    },
  );

  describe.each(versions)('on $name', (version) => {
    const known = ownErrors.filter((row) => Object.hasOwn(byCode, row.code ?? ''));
    it.each(known.map((row) => [row.code!, row] as const))('%s', async (code, row) => {
      const scenario = byCode[code]!;
      const ErrorClass = version.errorCodes[code];
      if (scenario.never === true) {
        // Nothing to play: the row must say so, in both columns.
        expect([row.status, row['`error_code`']]).toEqual(['—', '—']);
        return;
      }
      if (ErrorClass !== undefined && code !== 'FST_ERR_VALIDATION') {
        // Thrown from a handler, as Fastify raises it while serving a request.
        const app = await appOf(version, (app) =>
          app.get('/throw', async () => {
            throw new ErrorClass();
          }),
        );
        expectRow(row, ownColumns, await inject(app, '/throw'));
      }
      await scenario.real?.(version, row);
    });
  });
});
