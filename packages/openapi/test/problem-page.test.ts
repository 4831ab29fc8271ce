import { createHash } from 'node:crypto';
import { createNormaliser } from '@faultline/core';
import { problemCatalogue, problemPage } from '@faultline/openapi';
import { HOSTILE, hostileExamples, hostileProblems } from './fixtures/hostile-problems';
import { problems } from './fixtures/problems';
import { idsOf, tagsOf, unescapeHtml } from './html';

const { registry } = problems;

describe('problemPage', () => {
  const page = problemPage(registry, { title: 'Datasets API errors' });

  it('is one self-contained document: no script, no external resource, no link out of the page but the type URIs', () => {
    expect(page.html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect([...tagsOf(page.html)].sort()).toEqual(
      [
        'a',
        'body',
        'code',
        'div',
        'h1',
        'h2',
        'h3',
        'h4',
        'head',
        'html',
        'li',
        'main',
        'meta',
        'p',
        'pre',
        'section',
        'strong',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'title',
        'tr',
        'ul',
      ].sort(),
    );
    expect(page.html).not.toMatch(/\s(src|srcset|action|on\w+)=/i);
    const hrefs = [...page.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.filter((href) => !href?.startsWith('#'))).toEqual([]);
  });

  it('is readable on a phone and follows the reader’s dark mode', () => {
    expect(page.html).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    );
    expect(page.html).toContain('@media (prefers-color-scheme: dark)');
    expect(page.html).toContain('<meta name="color-scheme" content="light dark">');
  });

  it('comes with a strict Content-Security-Policy that allows its one style by hash', () => {
    const styles = [...page.html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
      (m) => m[1] as string,
    );
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256')
      .update(styles[0] as string)
      .digest('base64');
    expect(page.contentSecurityPolicy).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
  });

  it('has a section per problem type whose id is its slug, and a row per sent code whose id is the code', () => {
    const ids = idsOf(page.html);
    const slugs = registry.types.map((type) => type.slug);
    const sent = registry.codes.filter((code) => (registry.byCode(code)?.status ?? 500) < 500);
    expect(ids).toEqual([
      'Fields',
      'Status-Codes',
      ...slugs.sort(bySlugStatus),
      'Error-Codes',
      ...sent,
      'Client-Code',
    ]);
    for (const slug of slugs) expect(page.html).toContain(`<section class="type" id="${slug}">`);
    for (const code of sent)
      expect(page.html).toContain(`<tr id="${code}"><td><code>${code}</code></td>`);
  });

  it('shows in each section the status, title, description, causes, fix and the body the real normaliser gives', () => {
    const catalogue = problemCatalogue(registry);
    const normalise = createNormaliser({ registry });
    const archived = sectionOf(page.html, 'dataset-archived');
    expect(archived).toContain('<h3><a href="#dataset-archived">409 — Dataset Archived</a></h3>');
    expect(archived).toContain('<p>The dataset is read-only since it was archived.</p>');
    expect(archived).toContain('<li>Writing to a dataset after archiving it</li>');
    expect(archived).toContain('<p><strong>Fix:</strong> Restore the dataset first.</p>');
    for (const type of catalogue.types) {
      const section = sectionOf(page.html, type.slug);
      const body = JSON.parse(
        unescapeHtml(/<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(section)?.[1] ?? ''),
      );
      expect(body).toEqual(type.example.body);
      expect(body.type).toBe(type.type);
      expect(body.status).toBe(type.status);
    }
    // The example is what the normaliser answers, not a copy kept beside it.
    const Problem = problems.ProblemError;
    expect(catalogue.types.find((type) => type.slug === 'payment-required')?.example).toEqual(
      normalise(new Problem('PAYMENT_REQUIRED', { captureStack: false })),
    );
  });

  it('shows the response headers of a type, and a client that branches on every sent error_code', () => {
    expect(sectionOf(page.html, 'rate-limit-exceeded')).toContain(
      '<td><code>Retry-After</code></td><td><code>60</code></td>',
    );
    const client =
      /<section id="Client-Code">[\s\S]*?<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(
        page.html,
      )?.[1] ?? '';
    const cases = [...unescapeHtml(client).matchAll(/case '([A-Z_]+)':/g)].map((m) => m[1]);
    expect(cases.sort()).toEqual(
      registry.codes.filter((code) => (registry.byCode(code)?.status ?? 500) < 500).sort(),
    );
    expect(unescapeHtml(client)).toContain(
      "    case 'RATE_LIMIT_EXCEEDED': // 429 Wait for Retry-After seconds, then retry.",
    );
  });

  it('escapes every text of the registry: hostile titles, descriptions, causes, fixes, details, type URIs', () => {
    const hostile = problemPage(hostileProblems.registry, {
      examples: hostileExamples,
      title: HOSTILE,
      introduction: HOSTILE,
    });
    expect(tagsOf(hostile.html)).toEqual(tagsOf(page.html));
    expect(hostile.html).not.toContain('<script');
    expect(hostile.html).not.toContain('<img');
    // Every hostile text is still there, as text.
    const text = unescapeHtml(hostile.html);
    expect(text.split(HOSTILE).length - 1).toBeGreaterThanOrEqual(10);
    expect(text).toContain('https://docs.test/errors/"><script>alert(1)</script>#payment-required');
    const section = sectionOf(hostile.html, 'payment-required');
    const body = JSON.parse(
      unescapeHtml(/<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(section)?.[1] ?? ''),
    );
    expect(body).toMatchObject({ detail: HOSTILE, [HOSTILE]: HOSTILE });
    // A fix is shown in a comment of the client code: its line breaks cannot end the comment.
    const client = unescapeHtml(
      /<section id="Client-Code">[\s\S]*?<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(
        hostile.html,
      )?.[1] ?? '',
    );
    expect(client).toContain(
      `case 'PAYMENT_REQUIRED': // 402 ${HOSTILE} process.exit(1); process.exit(2);\n`,
    );
    expect(
      client.split(/[\n\u2028]/).filter((line) => line.trimStart().startsWith('process')),
    ).toEqual([]);
  });

  it('defaults to the title Errors', () => {
    expect(problemPage(registry).html).toContain('<title>Errors</title>');
  });
});

/** Problem types are listed by status; types of one status keep the registry's order. */
function bySlugStatus(a: string, b: string): number {
  const status = (slug: string) =>
    problems.registry.types.find((type) => type.slug === slug)?.status ?? 0;
  return status(a) - status(b);
}

/** The HTML of the section whose id is `slug`. */
function sectionOf(html: string, slug: string): string {
  const start = html.indexOf(`<section class="type" id="${slug}">`);
  if (start < 0) throw new Error(`no section ${slug}`);
  return html.slice(start, html.indexOf('</section>', start));
}
