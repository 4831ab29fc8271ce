import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { problemPage } from '@faultline/openapi';
import { describeWithChromium, launchChromium } from '@faultline/test-support';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { HOSTILE, hostileExamples, hostileProblems } from './fixtures/hostile-problems';
import { problems } from './fixtures/problems';

/*
 * The browser globals of the functions that run in the page (the tests compile without the DOM
 * library, so these declarations stay in this module).
 */
interface PageElement {
  readonly tagName: string;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
declare const document: {
  readonly body: PageElement;
  readonly documentElement: { readonly scrollWidth: number };
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};
declare const window: { readonly innerWidth: number };
declare function getComputedStyle(element: PageElement): {
  readonly maxWidth: string;
  readonly backgroundColor: string;
  readonly visibility: string;
  readonly display: string;
};

// Bounds a hang only: Chromium starts slowly on a busy machine. Nothing here is timed.
jest.setTimeout(60_000);

const { registry } = problems;
const pages = {
  '/docs/errors': problemPage(registry, { title: 'Datasets API errors' }),
  '/hostile': problemPage(hostileProblems.registry, { examples: hostileExamples, title: HOSTILE }),
};

/** Serves the pages on 127.0.0.1 with their strict CSP, and records every request it gets. */
function serve(): Promise<{ server: Server; origin: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = req.url ?? '';
    if (url === '/wrong-style-hash') {
      const page = pages['/docs/errors'];
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy':
          "default-src 'none'; style-src 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='",
      });
      res.end(page.html);
      return;
    }
    const page = pages[url as keyof typeof pages];
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': page.contentSecurityPolicy,
    });
    res.end(page.html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}`, requests });
    });
  });
}

interface Visit {
  readonly page: Page;
  /** Console errors and warnings: a CSP violation is reported there. */
  readonly console: string[];
  /** Every URL the page asked for. */
  readonly requested: string[];
}

describeWithChromium('the error page in headless Chromium, under its strict CSP', () => {
  let browser: Browser;
  let origin: string;
  let server: Server;
  let received: string[];

  beforeAll(async () => {
    ({ server, origin, requests: received } = await serve());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function visit(path: string, options: BrowserContextOptions = {}): Promise<Visit> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const console: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.push(message.text());
    });
    page.on('pageerror', (error) => console.push(error.message));
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    return { page, console, requested };
  }

  afterEach(async () => {
    for (const context of browser.contexts()) await context.close();
  });

  it('shows every problem type and every code anchor, with no console error and no request but the page', async () => {
    const { page, console, requested } = await visit('/docs/errors');
    const sent: string[] = registry.codes.filter(
      (code) => (registry.byCode(code)?.status ?? 500) < 500,
    );
    const anchors = [...registry.types.map((type) => type.slug), ...sent];
    // One round trip: each anchor's element, and whether it is rendered with a size (visible).
    const found = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const elements = document.querySelectorAll(`[id="${id}"]`);
          const element = elements[0];
          const box = element?.getBoundingClientRect();
          const style = element === undefined ? undefined : getComputedStyle(element);
          return {
            id,
            count: elements.length,
            tag: element?.tagName,
            visible:
              box !== undefined &&
              box.width > 0 &&
              box.height > 0 &&
              style?.visibility === 'visible' &&
              style.display !== 'none',
          };
        }),
      anchors,
    );
    expect(found).toEqual(
      anchors.map((id) => ({
        id,
        count: 1,
        tag: sent.includes(id) ? 'TR' : 'SECTION',
        visible: true,
      })),
    );
    // Playwright's own notion of visible agrees, for a section and a row.
    expect(await page.locator('[id="dataset-archived"]').isVisible()).toBe(true);
    expect(await page.locator('[id="INVALID_ID"]').isVisible()).toBe(true);
    expect(console).toEqual([]);
    expect(requested).toEqual([`${origin}/docs/errors`]);
    expect(requested.every((url) => url.startsWith('http://127.0.0.1:'))).toBe(true);
  });

  it('applies its style under the CSP (the style hash matches)', async () => {
    const { page } = await visit('/docs/errors');
    const maxWidth = await page.locator('main').evaluate((el) => getComputedStyle(el).maxWidth);
    expect(maxWidth).toBe('832px');
  });

  it('and a CSP that does not allow the style is reported on the console, so the check above can fail', async () => {
    const { page, console } = await visit('/wrong-style-hash');
    expect(console.join('\n')).toContain('Content Security Policy');
    const maxWidth = await page.locator('main').evaluate((el) => getComputedStyle(el).maxWidth);
    expect(maxWidth).toBe('none');
  });

  it('follows dark mode', async () => {
    const { page } = await visit('/docs/errors');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(13, 17, 23)');
  });

  it('fits a phone: no horizontal overflow, and a type URI lands on its section', async () => {
    const phone = {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 3,
    };
    const { page, console } = await visit('/docs/errors#validation-error', phone);
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    expect(widths.viewport).toBe(360);
    const box = await page.locator('[id="validation-error"]').boundingBox();
    // Scrolled to its top edge, give or take the sub-pixel rounding of the layout.
    expect(box?.y).toBeGreaterThan(-1);
    expect(box?.y).toBeLessThan(740);
    expect(
      await page.locator('[id="validation-error"]').evaluate((el) => el.matches(':target')),
    ).toBe(true);
    expect(console).toEqual([]);
  });

  it('runs nothing of a hostile registry: no script, no image, the text shown as text', async () => {
    const { page, console, requested } = await visit('/hostile');
    expect(await page.locator('script, img, iframe, object, link').count()).toBe(0);
    expect(await page.title()).toBe(HOSTILE);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE);
    expect(await page.locator('[id="payment-required"] h3').textContent()).toBe(`402 — ${HOSTILE}`);
    expect(console).toEqual([]);
    expect(requested).toEqual([`${origin}/hostile`]);
  });

  it('the server saw only the pages it served', () => {
    expect(
      received.every((url) =>
        ['/docs/errors', '/hostile', '/wrong-style-hash', '/docs/errors#validation-error'].includes(
          url,
        ),
      ),
    ).toBe(true);
  });
});
