import { describeWithChromium, launchChromium } from '@faultline/test-support';
import type { Browser } from 'playwright-core';
import { apps, type RunningApp, registry } from './problem-docs-apps';

/* The browser globals of the functions that run in the page (the tests compile without the DOM library). */
interface PageElement {
  getBoundingClientRect(): { readonly height: number };
}
declare const document: { querySelectorAll(selector: string): ArrayLike<PageElement> };
declare function getComputedStyle(element: PageElement): { readonly maxWidth: string };

// Bounds a hang only: Chromium starts slowly on a busy machine. Nothing here is timed.
jest.setTimeout(60_000);

const served = apps.filter((app) => app.name === 'Express 5' || app.name === 'Fastify 5');

describeWithChromium('the served error page in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe.each(served)('from $name', ({ start }) => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await start();
    });
    afterAll(() => app?.close());

    it('shows every slug and code anchor under its own CSP, with no console error', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const console: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') {
            console.push(message.text());
          }
        });
        page.on('pageerror', (error) => console.push(error.message));
        const response = await page.goto(`${app.origin}/docs/errors#resource-not-found`, {
          waitUntil: 'load',
        });
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'/);

        const sent = registry.codes.filter((code) => (registry.byCode(code)?.status ?? 500) < 500);
        const anchors = [...registry.types.map((type) => type.slug), ...sent];
        const found = await page.evaluate(
          (ids) =>
            ids.map((id) => {
              const elements = document.querySelectorAll(`[id="${id}"]`);
              return [id, elements.length, (elements[0]?.getBoundingClientRect().height ?? 0) > 0];
            }),
          anchors,
        );
        expect(found).toEqual(anchors.map((id) => [id, 1, true]));
        expect(
          await page.locator('[id="resource-not-found"]').evaluate((el) => el.matches(':target')),
        ).toBe(true);
        // The style applies, so the CSP header allows it.
        const maxWidth = await page.locator('main').evaluate((el) => getComputedStyle(el).maxWidth);
        expect(maxWidth).toBe('832px');
        expect(console).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
