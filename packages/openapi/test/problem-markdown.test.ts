import { problemCatalogue, problemMarkdown } from '@faultline/openapi';
import MarkdownIt from 'markdown-it';
import { HOSTILE, hostileExamples, hostileProblems } from './fixtures/hostile-problems';
import { problems } from './fixtures/problems';
import { idsOf, tagsOf, unescapeHtml } from './html';

// Raw HTML on, as GitHub renders it (sanitised there, not here): escaping must not rely on a sanitiser.
const markdown = new MarkdownIt({ html: true });
const { registry } = problems;
const sent = registry.codes.filter((code) => (registry.byCode(code)?.status ?? 500) < 500);

describe('problemMarkdown', () => {
  const text = problemMarkdown(registry, { title: 'Datasets API errors' });
  const html = markdown.render(text);

  it('renders to a page with an anchor per problem type (its slug) and per sent code, in order', () => {
    const catalogue = problemCatalogue(registry);
    expect(idsOf(html)).toEqual([...catalogue.types.map((type) => type.slug), ...sent]);
    expect(html).toContain('<h1>Datasets API errors</h1>');
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Fields',
      'HTTP status codes',
      'Error codes',
      'Using error_code in client code',
    ]);
  });

  it('shows each type: status and title, description, the real example body, causes, fix, headers, codes', () => {
    const catalogue = problemCatalogue(registry);
    const blocks = [
      ...html.matchAll(/<pre><code class="language-json">([\s\S]*?)<\/code><\/pre>/g),
    ].map((m) => JSON.parse(unescapeHtml(m[1] as string)));
    expect(blocks).toEqual(catalogue.types.map((type) => type.example.body));
    expect(text).toContain('### 409 — Dataset Archived');
    expect(html).toContain('<li>Writing to a dataset after archiving it</li>');
    expect(html).toContain('<strong>Fix:</strong> Restore the dataset first.');
    expect(html).toContain('<td>Retry-After</td>\n<td>60</td>');
    expect(html).toContain(
      '<p>Error codes: <a href="#AUTHENTICATION_REQUIRED"><code>AUTHENTICATION_REQUIRED</code></a>, <a href="#INVALID_CREDENTIALS"><code>INVALID_CREDENTIALS</code></a></p>',
    );
  });

  it('has a table of sent codes linking to their types, and a client branching on each', () => {
    const rows = [
      ...html.matchAll(
        /<tr>\n<td><a id="([A-Z_]+)"><\/a><code>\1<\/code><\/td>\n<td><a href="#([a-z-]+)">(\d+)<\/a><\/td>/g,
      ),
    ];
    expect(rows.map((row) => [row[1], row[2], Number(row[3])])).toEqual(
      sent.map((code) => {
        const resolved = registry.byCode(code);
        const slug = registry.types.find((type) => type.codes.includes(code))?.slug;
        return [code, slug, resolved?.status];
      }),
    );
    const client = /<pre><code class="language-ts">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '';
    expect(
      [...unescapeHtml(client).matchAll(/case '([A-Z_]+)':/g)].map((m) => m[1]).sort(),
    ).toEqual([...sent].sort());
  });

  it('escapes every text of a hostile registry: nothing becomes markup, a link, a heading or a list', () => {
    const hostile = problemMarkdown(hostileProblems.registry, {
      examples: hostileExamples,
      title: HOSTILE,
      introduction: HOSTILE,
    });
    const rendered = markdown.render(hostile);
    expect(tagsOf(rendered)).toEqual(tagsOf(html));
    expect(rendered).not.toContain('<script');
    expect(rendered).not.toContain('<img');
    expect(rendered).not.toContain('javascript:alert(1)"');
    expect(rendered).not.toContain('<em>');
    expect(rendered.match(/<h1>/g)).toHaveLength(1);
    expect(rendered).not.toContain('<ol');
    expect(rendered).not.toContain('<blockquote');
    // One list item per cause, and no other.
    const causes = problemCatalogue(hostileProblems.registry).types.flatMap(
      (type) => type.causes ?? [],
    );
    expect(rendered.match(/<li>/g)).toHaveLength(causes.length);
    expect(rendered).toContain('<p># not a heading</p>');
    expect(rendered).toContain('<strong>Fix:</strong> 1. not a list');
    expect(rendered).toContain(`<h1>${renderedText(HOSTILE)}</h1>`);
    // The cause with line breaks stays one list item, its "# heading" and "- item" inert.
    expect(rendered).toContain('<li>line one line two # not a heading - not an item</li>');
    // The example body, hostile detail and all, is still exact JSON in its fence.
    const bodies = [
      ...rendered.matchAll(/<pre><code class="language-json">([\s\S]*?)<\/code><\/pre>/g),
    ].map((m) => JSON.parse(unescapeHtml(m[1] as string)));
    expect(bodies).toContainEqual(expect.objectContaining({ detail: HOSTILE, [HOSTILE]: HOSTILE }));
  });
});

/** `text` as markdown-it writes text content. */
function renderedText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
