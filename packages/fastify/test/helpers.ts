import { Writable } from 'node:stream';
import rateLimit5 from '@fastify/rate-limit';
import sensible5 from '@fastify/sensible';
import { defineProblems, ProblemError } from '@faultline/core';
import { type FaultlineOptions, faultline } from '@faultline/fastify';
import fastify5, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  type LightMyRequestResponse,
} from 'fastify';
import fastify4 from 'fastify4';
import rateLimit4 from 'rate-limit4';
import sensible4 from 'sensible4';

type Factory = (options?: FastifyServerOptions) => FastifyInstance;

/** One Fastify major and the plugins built for it. */
export interface Version {
  readonly name: string;
  readonly major: 4 | 5;
  readonly Fastify: Factory;
  readonly rateLimit: FastifyPluginAsync<Record<string, unknown>>;
  readonly sensible: FastifyPluginAsync;
}

// Fastify 4's types differ in detail from 5's; the tests drive both through 5's.
export const versions: readonly (readonly [string, Version])[] = [
  [
    'Fastify 5',
    {
      name: 'Fastify 5',
      major: 5,
      Fastify: fastify5 as unknown as Factory,
      rateLimit: rateLimit5 as unknown as FastifyPluginAsync<Record<string, unknown>>,
      sensible: sensible5 as unknown as FastifyPluginAsync,
    },
  ],
  [
    'Fastify 4',
    {
      name: 'Fastify 4',
      major: 4,
      Fastify: fastify4 as unknown as Factory,
      rateLimit: rateLimit4 as unknown as FastifyPluginAsync<Record<string, unknown>>,
      sensible: sensible4 as unknown as FastifyPluginAsync,
    },
  ],
];

export const TYPE_BASE = 'https://api.example.com/docs/errors';
export const problems = defineProblems({ typeBase: TYPE_BASE });
export const PROBLEM_TYPE = 'application/problem+json';

type Routes = (app: FastifyInstance) => unknown;

/** Builds an app with the plugin registered first, then `routes`; ready to `inject`. */
export async function build(
  version: Version,
  routes: Routes,
  options: FaultlineOptions = {},
  server: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = version.Fastify({ logger: false, ...server });
  await app.register(faultline, { registry: problems.registry, ...options });
  await routes(app);
  await app.ready();
  return app;
}

/** A pino destination that keeps every line, parsed. */
export function logCapture(): {
  readonly lines: Record<string, unknown>[];
  readonly stream: Writable;
} {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  return { lines, stream };
}

/** The problem body the default catalogue gives a status and code, with the test type base. */
export function expected(
  status: number,
  slug: string,
  title: string,
  members: Record<string, unknown> = {},
): Record<string, unknown> {
  return { status, title, type: `${TYPE_BASE}#${slug}`, ...members };
}

/** One request to an app under test: `GET /x` unless told otherwise; a payload is sent as JSON. */
export interface Request {
  readonly method?: 'GET' | 'POST';
  readonly url?: string;
  readonly payload?: string;
}

/** The app a test of a `describe.each(versions)` block builds, closed after the test. */
export interface AppUnderTest {
  /** `build` on the block's version; this app is the one closed after the test. */
  build(
    routes: Routes,
    options?: FaultlineOptions,
    server?: FastifyServerOptions,
  ): Promise<FastifyInstance>;
  /** `build` with the block's own routes. */
  start(options?: FaultlineOptions, server?: FastifyServerOptions): Promise<FastifyInstance>;
  /** Builds an app with `routes`; its answer to `request`. */
  answer(
    routes: Routes,
    request?: Request,
    options?: FaultlineOptions,
  ): Promise<LightMyRequestResponse>;
  /** The app built last (throws if none is open). */
  current(): FastifyInstance;
  /** Closes the app built last now, not after the test. */
  close(): Promise<void>;
}

/**
 * For a `describe.each(versions)` block: builds the apps of its tests on `version` (with `routes`
 * for `start`) and, after each test, closes the one built last. An app built earlier in the same
 * test is the test's to close.
 */
export function appUnderTest(version: Version, routes: Routes = () => {}): AppUnderTest {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const under: AppUnderTest = {
    async build(own, options, server) {
      app = await build(version, own, options, server);
      return app;
    },
    start: (options, server) => under.build(routes, options, server),
    async answer(own, request = {}, options = {}) {
      const built = await under.build(own, options);
      return built.inject({
        method: request.method ?? 'GET',
        url: request.url ?? '/x',
        ...(request.payload === undefined
          ? {}
          : { payload: request.payload, headers: { 'content-type': 'application/json' } }),
      });
    },
    current() {
      if (app === undefined) throw new Error('no app is open: build one first');
      return app;
    },
    async close() {
      await app?.close();
      app = undefined;
    },
  };
  return under;
}

/**
 * The routes the tests of unmatched paths and methods probe: `/items` and `/items/:id` with some
 * methods each, `PATCH /api/users/:id` in a prefixed child plugin, and `/hosted` for one host.
 */
export function itemRoutes(app: FastifyInstance): void {
  app.get('/items', async () => []);
  app.post('/items', async () => ({}));
  app.get('/items/:id', async () => ({}));
  app.delete('/items/:id', async () => ({}));
  app.register(
    async (child) => {
      child.patch('/users/:id', async () => ({}));
    },
    { prefix: '/api' },
  );
  app.get('/hosted', { constraints: { host: 'a.example' } }, async () => ({}));
}

/** The 404 problem of a path no route serves. */
export const notFound = expected(404, 'resource-not-found', 'Not Found', {
  detail: 'No resource exists at this URL.',
  error_code: 'RESOURCE_NOT_FOUND',
});

/** The 405 problem of a method a served path does not take. */
export const notAllowed = (method: string) =>
  expected(405, 'method-not-allowed', 'Method Not Allowed', {
    detail: `The ${method} method is not allowed on this resource.`,
    error_code: 'METHOD_NOT_ALLOWED',
  });

/** The 500 problem of an unexpected error. */
export const crash = expected(500, 'internal-server-error', 'Internal Server Error', {
  detail: 'An unexpected error occurred.',
});

/** The domain error the tests of thrown errors throw: `deny()`, answered as `denied`. */
export const deny = (): ProblemError =>
  new ProblemError('ACCESS_DENIED', {
    detail: 'You do not have permission to delete this dataset.',
  });

export const denied = expected(403, 'access-forbidden', 'Forbidden', {
  detail: 'You do not have permission to delete this dataset.',
  error_code: 'ACCESS_DENIED',
});
