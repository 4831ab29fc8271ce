import type { Registry } from '@faultline/core';
import { clientCode } from './client-code.js';
import { codeFence, escapeMarkdown as md } from './escape.js';
import {
  defaultIntroduction,
  everyResponseHeader,
  headerDescriptions,
  problemFields,
} from './fields.js';
import {
  type DocumentedCode,
  type DocumentedType,
  type ProblemCatalogue,
  problemCatalogue,
} from './problem-catalogue.js';
import type { PageOptions } from './problem-page.js';

function typeSection(type: DocumentedType, codes: readonly DocumentedCode[]): string {
  const own = codes.filter((code) => code.slug === type.slug && code.sent);
  const headers = Object.entries(type.example.headers).filter(
    ([name]) => !everyResponseHeader.has(name.toLowerCase()),
  );
  const parts = [
    // An explicit anchor: the slug, exactly as the type URI's fragment names it.
    `<a id="${type.slug}"></a>\n\n### ${type.status} — ${md(type.title)}`,
    `\`${type.type.replace(/`/g, '%60')}\``,
    type.description === undefined ? undefined : md(type.description),
    codeFence(JSON.stringify(type.example.body, null, 2), 'json'),
    type.causes === undefined || type.causes.length === 0
      ? undefined
      : `Common causes:\n\n${type.causes.map((cause) => `- ${md(cause)}`).join('\n')}`,
    type.fix === undefined ? undefined : `**Fix:** ${md(type.fix)}`,
    type.retryable === undefined
      ? undefined
      : type.retryable
        ? 'Safe to retry: the same request may succeed later.'
        : 'Not worth retrying unchanged: the same request will fail the same way.',
    headers.length === 0
      ? undefined
      : `Response headers:\n\n| Header | Example | Meaning |\n|---|---|---|\n${headers
          .map(
            ([name, value]) =>
              `| ${md(name)} | ${md(value)} | ${md(headerDescriptions[name.toLowerCase()] ?? '')} |`,
          )
          .join('\n')}`,
    own.length === 0
      ? undefined
      : `Error codes: ${own.map((code) => `[\`${code.code}\`](#${code.code})`).join(', ')}`,
  ];
  return parts.filter((part) => part !== undefined).join('\n\n');
}

/** The Markdown of a catalogue (see `problemMarkdown`). */
export function renderMarkdown(catalogue: ProblemCatalogue, options: PageOptions = {}): string {
  const title = options.title ?? 'Errors';
  const introduction = options.introduction ?? defaultIntroduction;
  const retry = (code: DocumentedCode) =>
    code.retryable === undefined ? '' : code.retryable ? 'yes' : 'no';
  return `# ${md(title)}

${md(introduction)}

## Fields

| Field | Type | Required | Description |
|---|---|---|---|
${problemFields
  .map(
    (field) =>
      `| \`${field.name}\` | ${md(field.type)} | ${field.required ? 'yes' : 'no'} | ${md(field.description)} |`,
  )
  .join('\n')}

## HTTP status codes

${catalogue.types.map((type) => typeSection(type, catalogue.codes)).join('\n\n')}

## Error codes

The \`error_code\` member names the exact problem on every 4xx response. Server errors (5xx) carry none.

| error_code | Status | Description | What to do | Retry |
|---|---|---|---|---|
${catalogue.codes
  .filter((code) => code.sent)
  .map(
    (code) =>
      `| <a id="${code.code}"></a>\`${code.code}\` | [${code.status}](#${code.slug}) | ${md(code.description ?? '')} | ${md(code.fix ?? '')} | ${retry(code)} |`,
  )
  .join('\n')}

## Using error_code in client code

${codeFence(clientCode(catalogue), 'ts')}
`;
}

/**
 * The registry as Markdown, for a repository: the page's content (fields, a section per problem
 * type anchored by its slug, the table of codes anchored by code, a client branching on
 * `error_code`), with every text of the registry escaped.
 *
 * @example
 * writeFileSync('docs/errors.md', problemMarkdown(registry, { title: 'Datasets API errors' }));
 */
export function problemMarkdown<Code extends string>(
  registry: Registry<Code>,
  options: PageOptions<NoInfer<Code>> = {},
): string {
  return renderMarkdown(problemCatalogue(registry, options), options);
}
