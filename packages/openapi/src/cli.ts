#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadRegistry } from './load-problems.js';
import { problemCatalogue } from './problem-catalogue.js';
import { renderMarkdown } from './problem-markdown.js';
import { renderPage } from './problem-page.js';

const usage = `Usage: faultline docs <module> [--format html|md|json] [--out file] [--title text]

Writes the error documentation of an application's registry. <module> is a JavaScript module
whose default export, "problems" export or "registry" export is a defineProblems() result.

  --format  html (default): one self-contained page; md: Markdown; json: the catalogue as JSON
  --out     the file to write; standard output without it
  --title   the page's title (default "Errors")`;

const formats = ['html', 'md', 'json'] as const;
type Format = (typeof formats)[number];

class UsageError extends Error {}

function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'html' },
      out: { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const [command, modulePath, ...rest] = positionals;
  if (command !== 'docs') throw new UsageError(`unknown command ${JSON.stringify(command ?? '')}`);
  if (modulePath === undefined) throw new UsageError('the registry module is missing');
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  const format = values.format;
  if (!isFormat(format))
    throw new UsageError(`--format must be html, md or json; got ${JSON.stringify(format)}`);

  const registry = await loadRegistry(modulePath);
  const catalogue = problemCatalogue(registry);
  const options = values.title === undefined ? {} : { title: values.title };
  const output =
    format === 'json'
      ? `${JSON.stringify(catalogue, null, 2)}\n`
      : format === 'md'
        ? renderMarkdown(catalogue, options)
        : renderPage(catalogue, options).html;
  if (values.out === undefined) process.stdout.write(output);
  else writeFileSync(values.out, output);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usageError =
    error instanceof UsageError ||
    (error as { code?: unknown })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  process.stderr.write(`faultline: ${error instanceof Error ? error.message : String(error)}\n`);
  if (usageError) process.stderr.write(`\n${usage}\n`);
  process.exitCode = usageError ? 2 : 1;
});
