import { operationsOf } from '@faultline-examples/contract';
import { buildApp as buildExpressApp } from '@faultline-examples/express-datasets';
import { frameworks, type OpenApp, optionsFor, TEST_TYPE_BASE } from './support/frameworks.js';

const pagePath = new URL(TEST_TYPE_BASE).pathname;
const admin = { authorization: 'Bearer demo-admin-key' };

async function documentOf(app: OpenApp): Promise<Record<string, unknown>> {
  const response = await app.send({ method: 'GET', path: '/openapi.json', headers: {} });
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as Record<string, unknown>;
}

describe('the OpenAPI documents', () => {
  test('Express builds the same document as @fastify/swagger generates from the Fastify routes', async () => {
    const [express, fastify] = await Promise.all(
      frameworks.map((framework) => framework.listen(optionsFor(false).options)),
    );
    try {
      expect(await documentOf(express!)).toEqual(await documentOf(fastify!));
    } finally {
      await Promise.all([express!.close(), fastify!.close()]);
    }
  });

  test('the Express document describes exactly the routes the Express app serves under /v2', async () => {
    const { app, close } = buildExpressApp(optionsFor(false).options);
    try {
      const stack = (app as unknown as { router: { stack: unknown[] } }).router.stack;
      const served = stack.flatMap((layer) => {
        const route = (layer as { route?: { path: string; methods: Record<string, boolean> } })
          .route;
        if (route === undefined || !route.path.startsWith('/v2/')) return [];
        return Object.keys(route.methods).map(
          (method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`,
        );
      });
      const listening = await frameworks[0]!.listen(optionsFor(false).options);
      try {
        expect(operationsOf(await documentOf(listening)).sort()).toEqual(served.sort());
      } finally {
        await listening.close();
      }
    } finally {
      await close();
    }
  });
});

describe.each(frameworks)('the documents of the $name app', (framework) => {
  let app: OpenApp;
  beforeAll(async () => {
    app = await framework.listen({ ...optionsFor(true).options });
  });
  afterAll(() => app.close());

  test('are never counted by the rate limit', async () => {
    const { context } = optionsFor(true);
    for (const path of ['/openapi.json', '/docs', pagePath]) {
      for (let sent = 0; sent <= context.rateLimitMax; sent++) {
        const response = await app.send({ method: 'GET', path, headers: admin });
        expect(response.status).toBe(200);
        expect(response.headers['ratelimit-remaining']).toBeUndefined();
      }
    }
    // The key's allowance is untouched: its first /v2 request leaves all but one.
    const first = await app.send({ method: 'GET', path: '/v2/datasets', headers: admin });
    expect(first.headers['ratelimit-remaining']).toBe(String(context.rateLimitMax - 1));
  });

  test('the error page answers a request with its ETag 304 Not Modified, without a body', async () => {
    const page = await app.send({ method: 'GET', path: pagePath, headers: {} });
    const etag = page.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await app.send({
      method: 'GET',
      path: pagePath,
      // What a browser sends to revalidate; without a Cache-Control of its own, fetch would send
      // `no-cache`, which asks for the whole page.
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
  });
});
