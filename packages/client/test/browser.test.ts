import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchChromium } from '@faultline/test-support';
import { buildSync } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import {
  closeAll,
  type ExampleServer,
  startExampleServers,
  TYPE_BASE,
} from './support/example-servers';
import { type PageServer, startPageServer } from './support/page-server';

const required = process.env.FAULTLINE_REQUIRE_SERVICES === '1';

/** The client's main entry as one script for a page: `globalThis.faultlineClient`. */
function clientScript(): string {
  const { outputFiles } = buildSync({
    entryPoints: [join(__dirname, '..', 'src', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'faultlineClient',
    target: 'es2022',
    write: false,
  });
  return outputFiles[0]!.text;
}

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>faultline client</title>
<script src="/client.js"></script></head><body></body></html>`;

/** What the page reports back: plain JSON values only. */
interface PageReport {
  readonly notFound: unknown;
  readonly validation: unknown;
  readonly maintenance: unknown;
  readonly thrown: unknown;
  readonly retried: unknown;
}

/**
 * Runs in the page (serialised by Playwright, so it uses nothing from this file): reads problems
 * from the API behind the page's own origin with the bundled client.
 */
async function inThePage(): Promise<PageReport> {
  type Client = typeof import('@faultline/client');
  const client = (globalThis as unknown as { faultlineClient: Client }).faultlineClient;
  const headers = { authorization: 'Bearer demo-admin-key' };

  const notFound = await client.readProblem(
    await fetch('/v2/datasets/ZGF0YXNldC10ZXN0', { headers }),
  );

  const invalid = await fetch('/v2/datasets', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: '{}',
  });
  const validation = await client.readProblem(invalid);
  const text = await client.readText(invalid);

  const maintenance = await client.readProblem(await fetch('/v2/_demo/maintenance', { headers }));

  let thrown: unknown;
  try {
    await client.ensureOk(await fetch('/v2/datasets', { method: 'PUT', headers }));
  } catch (error) {
    thrown = client.isProblemResponseError(error)
      ? { name: error.name, message: error.message, code: error.problem.code, status: error.status }
      : String(error);
  }

  const delays: number[] = [];
  const fetchWithRetry = client.withRetry(fetch, {
    attempts: 3,
    baseDelay: 100,
    random: () => 1,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  const crashed = await fetchWithRetry('/v2/_demo/crash', { headers });
  const retried = {
    status: crashed.status,
    delays,
    detail: (await client.readProblem(crashed))?.detail,
  };

  return {
    notFound,
    validation: { problem: validation, textIsTheBody: JSON.parse(text).status === 422 },
    maintenance,
    thrown,
    retried,
  };
}

if (!existsSync(CHROMIUM) && !required) {
  const reason = `Chromium is not at ${CHROMIUM}: the browser tests are skipped (FAULTLINE_REQUIRE_SERVICES=1 fails instead)`;
  process.stderr.write(`@faultline/client: ${reason}\n`);
  it.skip(reason, () => {});
} else {
  describe('the bundled client in headless Chromium', () => {
    let browser: Browser;
    let servers: ExampleServer[];
    let pageServers: PageServer[];
    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(
          `Chromium is required (FAULTLINE_REQUIRE_SERVICES=1) but not at ${CHROMIUM}`,
        );
      }
      const script = clientScript();
      servers = await startExampleServers();
      pageServers = await Promise.all(
        servers.map((server) =>
          startPageServer(
            {
              '/index.html': ['text/html; charset=utf-8', page],
              '/client.js': ['text/javascript; charset=utf-8', script],
            },
            server.url,
          ),
        ),
      );
      browser = await launchChromium();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await Promise.all((pageServers ?? []).map((server) => server.close()));
      await closeAll(servers ?? []);
    });

    it.each(['express', 'fastify'] as const)(
      'reads the problems of the %s example API from a page',
      async (name) => {
        const index = servers.findIndex((server) => server.name === name);
        const tab: Page = await browser.newPage();
        try {
          await tab.goto(`${pageServers[index]!.url}/index.html`);
          const report = await tab.evaluate(inThePage);
          expect(report.notFound).toEqual({
            status: 404,
            title: 'Not Found',
            type: `${TYPE_BASE}#resource-not-found`,
            detail: "Dataset with ID 'ZGF0YXNldC10ZXN0' was not found.",
            instance: undefined,
            code: 'RESOURCE_NOT_FOUND',
            errors: [],
            retryAfter: undefined,
            // The example APIs put a trace id in every problem.
            extensions: { trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
          });
          expect(report.validation).toEqual({
            problem: expect.objectContaining({
              status: 422,
              code: 'MISSING_REQUIRED_FIELD',
              errors: [{ detail: expect.stringContaining('name'), pointer: '/name' }],
            }),
            textIsTheBody: true,
          });
          expect(report.maintenance).toEqual(
            expect.objectContaining({ status: 503, code: undefined, retryAfter: 120 }),
          );
          expect(report.thrown).toEqual({
            name: 'ProblemResponseError',
            message: expect.stringMatching(/^405 METHOD_NOT_ALLOWED: /),
            code: 'METHOD_NOT_ALLOWED',
            status: 405,
          });
          expect(report.retried).toEqual({
            status: 500,
            delays: [100, 200],
            detail: 'An unexpected error occurred.',
          });
        } finally {
          await tab.close();
        }
      },
      120_000,
    );
  });
}
