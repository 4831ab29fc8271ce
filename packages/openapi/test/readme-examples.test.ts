import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { problemCatalogue, problemComponents, problemPage } from '@faultline/openapi';
import express from 'express';
import { serveErrorPage } from './fixtures/app/src/errors-page';
import { registry } from './fixtures/app/src/problems';
import { lint, rulesOf } from './redocly';

// Bounds a hang only: the lint starts a Node process. Nothing here is timed.
jest.setTimeout(60_000);

const packageDir = join(__dirname, '..');
const appDir = join(__dirname, 'fixtures', 'app');
const files = ['src/problems.ts', 'src/routes/datasets.ts', 'src/openapi.ts', 'src/errors-page.ts'];

/** The README's ```ts blocks, by the file their first line names (`// src/openapi.ts`). */
function readmeFiles(): Record<string, string> {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n(\/\/ (src\/[^\n]+)\n[\s\S]*?)```/g)];
  return Object.fromEntries(blocks.map((block) => [block[2], block[1]]));
}

interface Operation {
  readonly summary?: string;
  readonly responses: Record<string, unknown>;
}
type Document = {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: object; readonly responses: object };
};

it('the README shows the examples these tests run, file for file', () => {
  const shown = readmeFiles();
  expect(Object.keys(shown)).toEqual(files);
  for (const file of files) expect(shown[file]).toBe(readFileSync(join(appDir, file), 'utf8'));
});

describe('the README example with swagger-jsdoc 6', () => {
  let document: Document;
  beforeAll(async () => {
    // swagger-jsdoc reads `apis` from the working directory, as in an application.
    const cwd = process.cwd();
    process.chdir(appDir);
    try {
      ({ openapi: document } = (await import('./fixtures/app/src/openapi')) as unknown as {
        openapi: Document;
      });
    } finally {
      process.chdir(cwd);
    }
  });

  it('merges each operation’s problem responses with what its JSDoc says', () => {
    const get = document.paths['/datasets/{id}']?.get;
    expect(get?.summary).toBe('Read a dataset');
    expect(Object.keys(get?.responses ?? {}).sort()).toEqual(['200', '400', '404', '500']);
    expect(get?.responses['404']).toEqual({ $ref: '#/components/responses/resource-not-found' });
    expect(get?.responses['400']).toMatchObject({
      content: {
        'application/problem+json': {
          examples: { INVALID_ID: expect.any(Object) },
          schema: { properties: { error_code: { enum: ['INVALID_ID'] } } },
        },
      },
    });
    const post = document.paths['/datasets']?.post;
    expect(post?.responses['409']).toEqual({ $ref: '#/components/responses/resource-conflict' });
    expect(document.components).toEqual(problemComponents(registry));
  });

  it('gives a document @redocly/cli lints with 0 errors, and no warning but unused components', async () => {
    // What the example leaves to the application: a description, a licence, a server, security.
    const report = await lint({
      ...document,
      info: {
        title: 'Datasets API',
        version: '1.0.0',
        description: 'Datasets.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: 'https://api.datasets.test/v2' }],
      security: [],
    });
    expect(report.totals.errors).toBe(0);
    expect(rulesOf(report)).toEqual(['no-unused-components']);
  });
});

describe('the README example serving the error page with Express', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const app = express();
    serveErrorPage(app);
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers a browser with the page, under its Content-Security-Policy', async () => {
    const response = await fetch(`${origin}/docs/errors`, { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = problemPage(registry, { title: 'Datasets API errors' });
    expect(response.headers.get('content-security-policy')).toBe(page.contentSecurityPolicy);
    expect(response.headers.get('vary')).toBe('Accept');
    expect(await response.text()).toBe(page.html);
  });

  it('answers Accept: application/json with the catalogue', async () => {
    const response = await fetch(`${origin}/docs/errors`, {
      headers: { Accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(problemCatalogue(registry))));
  });
});
