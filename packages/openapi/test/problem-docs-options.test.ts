import type http from 'node:http';
import { defineProblems } from '@faultline/core';
import { problemHandlers } from '@faultline/express';
import { faultline } from '@faultline/fastify';
import { listen, portOf, shutdown } from '@faultline/test-support';
import express from 'express';
import Fastify from 'fastify';
import { problemDocs as expressDocs } from '../src/express-docs';
import { problemDocs as fastifyDocs, type ProblemDocsPluginOptions } from '../src/fastify-docs';
import { problemDocumentation } from '../src/problem-documentation';
import { type RunningApp, registry, request } from './problem-docs-apps';

const built = defineProblems({
  typeBase: ({ slug }) => `https://api.example.com/docs/errors/${slug}`,
});
const bare = defineProblems({});

async function expressApp(use: (app: ReturnType<typeof express>) => void): Promise<RunningApp> {
  const app = express();
  use(app);
  app.use(problemHandlers({ registry }));
  const server = await listen(app as http.RequestListener);
  const port = portOf(server);
  return { name: 'Express', port, origin: '', close: () => shutdown(server) };
}

async function fastifyApp(options: Record<string, unknown>): Promise<RunningApp> {
  const app = Fastify();
  await app.register(faultline, { registry });
  await app.register(fastifyDocs, options as unknown as ProblemDocsPluginOptions);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'Fastify', port: portOf(app.server), origin: '', close: () => app.close() };
}

describe('start-up', () => {
  it('fails for a typeBase function without path, saying to give one', async () => {
    expect(() => expressDocs(built.registry)).toThrow(
      new TypeError(
        `@faultline/openapi: the registry's type URIs are not "<typeBase>#<slug>" on one http(s) base (typeBase is a function), so the page's path is unknown; give problemDocs a path such as { path: '/docs/errors' }`,
      ),
    );
    const app = Fastify();
    await expect(app.register(fastifyDocs, { registry: built.registry }).ready()).rejects.toThrow(
      /typeBase is a function.*give problemDocs a path/,
    );
    await app.close();
  });

  it('fails for a registry without typeBase and no path', () => {
    expect(() => expressDocs(bare.registry)).toThrow(/the registry has no typeBase/);
  });

  it('fails for bad options, naming them', () => {
    const cases: readonly [Record<string, unknown>, RegExp][] = [
      [{ pth: '/errors' }, /unknown option "pth"; did you mean "path"\?/],
      [{ path: 'docs/errors' }, /option path must be an absolute path .*got "docs\/errors"/],
      [{ path: '/docs/errors?x' }, /option path must be/],
      [
        { cacheControl: 'max-age=1\r\nSet-Cookie: a=b' },
        /option cacheControl must be a header value/,
      ],
      [{ cacheControl: '' }, /option cacheControl must be a header value/],
      [{ title: 7 }, /option title must be a string; got 7/],
      [{ examples: { NOT_A_CODE: {} } }, /examples names "NOT_A_CODE"/],
    ];
    for (const [options, message] of cases) {
      expect(() => problemDocumentation(registry, options)).toThrow(message);
    }
    expect(() => problemDocumentation(undefined as never)).toThrow(
      /expected the registry of defineProblems\(\)/,
    );
  });

  it('fails on Fastify under a prefix, which would move the page off its type URIs', async () => {
    const app = Fastify();
    await expect(app.register(fastifyDocs, { registry, prefix: '/v1' }).ready()).rejects.toThrow(
      /register it without a prefix \(it is under "\/v1"\)/,
    );
    await app.close();
  });
});

describe.each([
  [
    'Express',
    (options: Record<string, unknown>) =>
      expressApp((app) => app.use(expressDocs(built.registry, options))),
  ],
  [
    'Fastify',
    (options: Record<string, unknown>) => fastifyApp({ registry: built.registry, ...options }),
  ],
] as const)('%s, with path and cacheControl', (_name, start) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await start({ path: '/errors', cacheControl: 'no-cache' });
  });
  afterAll(() => app?.close());

  it('serves the page at path, with that Cache-Control', async () => {
    const seen = await request(app, 'GET', '/errors');
    expect(seen.status).toBe(200);
    expect(seen.headers['cache-control']).toBe('no-cache');
    expect(seen.body).toContain('id="resource-not-found"');
    expect((await request(app, 'GET', '/docs/errors')).status).toBe(404);
  });
});

describe('Express', () => {
  it('adds Accept to a Vary set before it, once', async () => {
    const app = await expressApp((app) => {
      app.use((_req, res, next) => {
        res.setHeader('Vary', 'Origin');
        next();
      });
      app.use(expressDocs(registry));
    });
    try {
      expect((await request(app, 'GET', '/docs/errors')).headers.vary).toBe('Origin, Accept');
    } finally {
      await app.close();
    }
  });

  it('finds its path mounted under a prefix, and in an absolute-form target', async () => {
    const app = await expressApp((app) => app.use('/docs', expressDocs(registry)));
    try {
      expect((await request(app, 'GET', '/docs/errors')).status).toBe(200);
      expect((await request(app, 'GET', 'http://localhost/docs/errors?x=1')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
