import { problemCatalogue, problemMarkdown, problemPage } from '@faultline/openapi';
import {
  apps,
  docsOptions,
  type RunningApp,
  registry,
  request,
  type Seen,
} from './problem-docs-apps';

const page = problemPage(registry, docsOptions);
/** The headers the page sets on a 200, by name. */
const ownHeaders = [
  'cache-control',
  'content-length',
  'content-security-policy',
  'content-type',
  'etag',
  'vary',
  'x-content-type-options',
];

function own(seen: Seen): Record<string, string> {
  return Object.fromEntries(
    ownHeaders.flatMap((name) => {
      const value = seen.headers[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

describe.each(apps)('the error page served by $name', ({ start }) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await start();
  });
  afterAll(() => app?.close());

  it("dereferences a failure's type URI to the section of its type", async () => {
    const failed = await request(app, 'GET', '/datasets/7');
    expect(failed.status).toBe(404);
    const type = new URL(JSON.parse(failed.body).type as string);
    expect(type.hash).toBe('#resource-not-found');

    const seen = await request(app, 'GET', type.pathname);
    expect(seen.status).toBe(200);
    expect(seen.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(seen.headers['content-security-policy']).toBe(page.contentSecurityPolicy);
    expect(seen.headers['x-content-type-options']).toBe('nosniff');
    expect(seen.headers['cache-control']).toBe('public, max-age=300');
    expect(seen.headers.vary).toBe('Accept');
    expect(seen.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(seen.body).toBe(page.html);
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(page.html)));
    const id = type.hash.slice(1);
    expect(seen.body).toMatch(new RegExp(`<section class="type" id="${id}">`));
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await request(app, 'GET', '/docs/errors');
    const head = await request(app, 'HEAD', '/docs/errors');
    expect(head.status).toBe(200);
    expect(own(head)).toEqual(own(get));
    expect(head.bytes.length).toBe(0);
  });

  it('answers If-None-Match with its ETag 304, with no body, and another ETag 200', async () => {
    const { headers } = await request(app, 'GET', '/docs/errors');
    const etag = headers.etag as string;
    for (const condition of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const seen = await request(app, 'GET', '/docs/errors', { 'If-None-Match': condition });
      expect([condition, seen.status]).toEqual([condition, 304]);
      expect(seen.headers.etag).toBe(etag);
      expect(seen.headers.vary).toBe('Accept');
      expect(seen.headers['cache-control']).toBe('public, max-age=300');
      expect(seen.bytes.length).toBe(0);
    }
    const head = await request(app, 'HEAD', '/docs/errors', { 'If-None-Match': etag });
    expect(head.status).toBe(304);
    const changed = await request(app, 'GET', '/docs/errors', { 'If-None-Match': '"other"' });
    expect(changed.status).toBe(200);
    expect(changed.body).toBe(page.html);
  });

  it('negotiates Accept: the JSON catalogue, the Markdown, else the page', async () => {
    const json = await request(app, 'GET', '/docs/errors', { Accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers.vary).toBe('Accept');
    expect(json.headers['content-security-policy']).toBeUndefined();
    expect(JSON.parse(json.body)).toEqual(problemCatalogue(registry, docsOptions));

    const html = await request(app, 'GET', '/docs/errors');
    expect(json.headers.etag).not.toBe(html.headers.etag);
    // The ETag of one representation does not validate another.
    const other = await request(app, 'GET', '/docs/errors', {
      Accept: 'application/json',
      'If-None-Match': html.headers.etag as string,
    });
    expect(other.status).toBe(200);

    const markdown = await request(app, 'GET', '/docs/errors', { Accept: 'text/markdown' });
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.body).toBe(problemMarkdown(registry, docsOptions));

    const cases: readonly [string, string][] = [
      ['text/html;q=0.5, application/json', 'application/json; charset=utf-8'],
      ['application/json;q=0.2, text/html;q=0.9', 'text/html; charset=utf-8'],
      ['application/json;q=0.9, text/*', 'text/html; charset=utf-8'],
      [
        'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'text/html; charset=utf-8',
      ],
      ['*/*', 'text/html; charset=utf-8'],
      ['image/png', 'text/html; charset=utf-8'],
    ];
    for (const [accept, type] of cases) {
      const seen = await request(app, 'GET', '/docs/errors', { Accept: accept });
      expect([accept, seen.status, seen.headers['content-type']]).toEqual([accept, 200, type]);
    }
  });

  it('answers another method with a 405 problem and Allow: GET, HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const seen = await request(app, method, '/docs/errors');
      expect(seen.status).toBe(405);
      expect(seen.headers.allow).toBe('GET, HEAD');
      expect(seen.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(seen.body)).toMatchObject({
        status: 405,
        error_code: 'METHOD_NOT_ALLOWED',
        type: 'https://api.example.com/docs/errors#method-not-allowed',
      });
    }
    const options = await request(app, 'OPTIONS', '/docs/errors');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD');
  });

  it('serves nothing beside its path', async () => {
    for (const path of ['/docs/errors/', '/docs/errors/x', '/docs']) {
      const seen = await request(app, 'GET', path);
      expect([path, seen.status]).toEqual([path, 404]);
    }
    const query = await request(app, 'GET', '/docs/errors?v=1');
    expect(query.status).toBe(200);
  });
});

describe('Express 4 and 5, Fastify 4 and 5', () => {
  let running: RunningApp[];
  beforeAll(async () => {
    running = await Promise.all(apps.map((app) => app.start()));
  });
  afterAll(() => Promise.all(running.map((app) => app.close())));

  const exchanges: readonly [string, string, Record<string, string>][] = [
    ['GET', '/docs/errors', {}],
    ['HEAD', '/docs/errors', {}],
    ['GET', '/docs/errors', { Accept: 'application/json' }],
    ['GET', '/docs/errors', { Accept: 'text/markdown' }],
    ['HEAD', '/docs/errors', { Accept: 'application/json;q=0.5, text/markdown' }],
    ['POST', '/docs/errors', {}],
  ];

  it.each(exchanges)(
    'answer %s %s %j alike: status, headers and bytes',
    async (method, path, headers) => {
      const seen = await Promise.all(running.map((app) => request(app, method, path, headers)));
      const shown = seen.map((response) => ({
        status: response.status,
        headers: own(response),
        allow: response.headers.allow,
        body: response.body,
      }));
      for (const [index, answer] of shown.entries()) {
        expect([running[index]?.name, answer]).toEqual([running[index]?.name, shown[0]]);
      }
      const etag = seen[0]?.headers.etag;
      if (etag !== undefined) {
        const again = await Promise.all(
          running.map((app) => request(app, method, path, { ...headers, 'If-None-Match': etag })),
        );
        expect(again.map((response) => response.status)).toEqual(running.map(() => 304));
      }
    },
  );
});
