import { describeWithChromium, launchChromium } from '@faultline/test-support';
import { operationsOf } from '@faultline-examples/contract';
import { startServer as startExpressServer } from '@faultline-examples/express-datasets';
import { startServer as startFastifyServer } from '@faultline-examples/fastify-datasets';
import type { Browser } from 'playwright-core';
import { optionsFor } from './support/frameworks.js';

/**
 * `/docs` in a real browser: Swagger UI renders every operation of `/openapi.json` and opens one
 * when clicked, with every request it makes answered by the app itself (no CDN) and no error on
 * the console.
 */
const servers = [
  { name: 'express', start: startExpressServer },
  { name: 'fastify', start: startFastifyServer },
] as const;

describeWithChromium('the interactive API reference in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(() => browser?.close());

  test.each(servers)(
    '$name serves /docs with all its assets, every operation shown',
    async ({ start }) => {
      const server = await start({ ...optionsFor(false).options, host: '127.0.0.1', port: 0 });
      const page = await browser.newPage();
      try {
        const requested: string[] = [];
        const consoleErrors: string[] = [];
        page.on('request', (request) => requested.push(request.url()));
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        page.on('pageerror', (error) => consoleErrors.push(error.message));

        const documented = operationsOf(
          await (await fetch(`${server.url}/openapi.json`)).json(),
        ).length;
        await page.goto(`${server.url}/docs`, { waitUntil: 'load' });
        const operations = page.locator('.opblock');
        await operations.nth(documented - 1).waitFor({ state: 'visible', timeout: 60_000 });
        expect(await operations.count()).toBe(documented);

        await operations.first().locator('.opblock-summary').click();
        await operations
          .first()
          .locator('.opblock-body')
          .waitFor({ state: 'visible', timeout: 60_000 });

        const origin = new URL(server.url).origin;
        expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
        expect(consoleErrors).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    },
    120_000,
  );
});
