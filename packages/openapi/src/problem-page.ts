import type { Registry } from '@faultline/core';
import { clientCode } from './client-code.js';
import { escapeHtml as h } from './escape.js';
import {
  defaultIntroduction,
  everyResponseHeader,
  headerDescriptions,
  problemFields,
} from './fields.js';
import { pageContentSecurityPolicy, pageStyle } from './page-style.js';
import {
  type DocumentationOptions,
  type DocumentedCode,
  type DocumentedType,
  type ProblemCatalogue,
  problemCatalogue,
} from './problem-catalogue.js';

/** What the page says beyond the registry. */
export interface PageOptions<Code extends string = string> extends DocumentationOptions<Code> {
  /** The page's title and top heading. Default `Errors`. */
  readonly title?: string;
  /** A paragraph under the heading, before the list of fields. */
  readonly introduction?: string;
}

/** The error page, ready to serve: its HTML and the Content-Security-Policy it works under. */
export interface ProblemPage {
  /** A complete, self-contained HTML document: no script, no external resource. */
  readonly html: string;
  /** The header to serve it with: it allows the page's own inline style, by hash, and nothing else. */
  readonly contentSecurityPolicy: string;
}

/** The `id`s of the page's own sections: mixed case, so no slug (lower case) or code (upper case) can take one. */
const pageSectionIds = {
  fields: 'Fields',
  types: 'Status-Codes',
  codes: 'Error-Codes',
  client: 'Client-Code',
} as const;

const json = (value: unknown): string => h(JSON.stringify(value, null, 2));

function retryText(retryable: boolean | undefined): string | undefined {
  if (retryable === undefined) return undefined;
  return retryable
    ? 'Safe to retry: the same request may succeed later.'
    : 'Not worth retrying unchanged: the same request will fail the same way.';
}

function headerRows(example: DocumentedType['example']): string {
  const rows = Object.entries(example.headers)
    .filter(([name]) => !everyResponseHeader.has(name.toLowerCase()))
    .map(
      ([name, value]) =>
        `<tr><td><code>${h(name)}</code></td><td><code>${h(value)}</code></td><td>${h(headerDescriptions[name.toLowerCase()] ?? '')}</td></tr>`,
    );
  if (rows.length === 0) return '';
  return `<h4>Response headers</h4>
<div class="scroll"><table><thead><tr><th>Header</th><th>Example</th><th>Meaning</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function typeSection(type: DocumentedType, codes: readonly DocumentedCode[]): string {
  const own = codes.filter((code) => code.slug === type.slug && code.sent);
  const retry = retryText(type.retryable);
  return `<section class="type" id="${h(type.slug)}">
<h3><a href="#${h(type.slug)}">${type.status} — ${h(type.title)}</a></h3>
<p class="muted"><code>${h(type.type)}</code></p>
${type.description === undefined ? '' : `<p>${h(type.description)}</p>`}
<pre><code>${json(type.example.body)}</code></pre>
${
  type.causes === undefined || type.causes.length === 0
    ? ''
    : `<h4>Common causes</h4>\n<ul>\n${type.causes.map((cause) => `<li>${h(cause)}</li>`).join('\n')}\n</ul>`
}
${type.fix === undefined ? '' : `<p><strong>Fix:</strong> ${h(type.fix)}</p>`}
${retry === undefined ? '' : `<p>${h(retry)}</p>`}
${headerRows(type.example)}
${
  own.length === 0
    ? type.status >= 500
      ? '<p class="muted">A server error carries no <code>error_code</code>.</p>'
      : ''
    : `<p>Error codes: ${own.map((code) => `<a href="#${h(code.code)}"><code>${h(code.code)}</code></a>`).join(', ')}</p>`
}
</section>`;
}

function codeRow(code: DocumentedCode): string {
  const retry = code.retryable === undefined ? '' : code.retryable ? 'yes' : 'no';
  return `<tr id="${h(code.code)}"><td><code>${h(code.code)}</code></td><td><a href="#${h(code.slug)}">${code.status}</a></td><td>${h(code.description ?? '')}</td><td>${h(code.fix ?? '')}</td><td>${retry}</td></tr>`;
}

/** The page of a catalogue (see `problemPage`). */
export function renderPage(catalogue: ProblemCatalogue, options: PageOptions = {}): ProblemPage {
  const title = options.title ?? 'Errors';
  const introduction = options.introduction ?? defaultIntroduction;
  const fieldRows = problemFields
    .map(
      (field) =>
        `<tr><td><code>${h(field.name)}</code></td><td>${h(field.type)}</td><td>${field.required ? 'yes' : 'no'}</td><td>${h(field.description)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${h(title)}</title>
<style>${pageStyle}</style>
</head>
<body>
<main>
<h1>${h(title)}</h1>
<p>${h(introduction)}</p>
<section id="${pageSectionIds.fields}">
<h2>Fields</h2>
<div class="scroll"><table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>
${fieldRows}
</tbody></table></div>
</section>
<section id="${pageSectionIds.types}">
<h2>HTTP status codes</h2>
${catalogue.types.map((type) => typeSection(type, catalogue.codes)).join('\n')}
</section>
<section id="${pageSectionIds.codes}">
<h2>Error codes</h2>
<p>The <code>error_code</code> member names the exact problem on every 4xx response. Server errors (5xx) carry none.</p>
<div class="scroll"><table><thead><tr><th>error_code</th><th>Status</th><th>Description</th><th>What to do</th><th>Retry</th></tr></thead><tbody>
${catalogue.codes
  .filter((code) => code.sent)
  .map(codeRow)
  .join('\n')}
</tbody></table></div>
</section>
<section id="${pageSectionIds.client}">
<h2>Using error_code in client code</h2>
<pre><code>${h(clientCode(catalogue))}</code></pre>
</section>
</main>
</body>
</html>
`;
  return { html, contentSecurityPolicy: pageContentSecurityPolicy };
}

/**
 * The registry as one self-contained HTML page, laid out like an API's error reference: the
 * members of a problem, a section per problem type whose `id` is its slug (so every `type` URI
 * lands on it), a table of codes whose rows have the code as `id`, and a client branching on
 * `error_code`. Every text of the registry is escaped. Serve it with `contentSecurityPolicy`.
 *
 * @example
 * const page = problemPage(registry, { title: 'Datasets API errors' });
 * res.set('Content-Security-Policy', page.contentSecurityPolicy).type('html').send(page.html);
 */
export function problemPage<Code extends string>(
  registry: Registry<Code>,
  options: PageOptions<NoInfer<Code>> = {},
): ProblemPage {
  return renderPage(problemCatalogue(registry, options), options);
}
