/**
 * The Fastify quick starts (the root README's and this package's) compile as they are written,
 * both as an ES module and as CommonJS: no top-level `await`, which CommonJS does not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeBlockAfter } from '../../../scripts/readme-tables';
import { checkTypes, formatDiagnostics, type TypeCheck } from '../../../scripts/type-tests';

// Two TypeScript programs with Fastify's typings: seconds each, more on a busy machine.
const TIMEOUT = 180_000;

const packageDir = join(__dirname, '..');
const readme = (path: string) => readFileSync(path, 'utf8');

/** Each snippet lives only in memory, beside the type tests, so its imports resolve as theirs. */
const at = (name: string) => join(packageDir, 'test', 'types', name);
const snippets = {
  [at('__readme-root-quick-start__.ts')]: codeBlockAfter(
    readme(join(packageDir, '..', '..', 'README.md')),
    '### Fastify (4 and 5)',
    'ts',
  ),
  [at('__readme-usage__.ts')]: codeBlockAfter(
    readme(join(packageDir, 'README.md')),
    '## Usage',
    'ts',
  ),
};
const quickStarts = Object.keys(snippets);

/** What the quick starts used to do: compiles as an ES module, not as CommonJS. */
const topLevelAwait = at('__top-level-await__.ts');
const control = {
  [topLevelAwait]: [
    "import Fastify from 'fastify';",
    'const app = Fastify();',
    'await app.listen({ port: 3000 });',
  ].join('\n'),
};

/** A CommonJS project: `require()` calls, classic Node resolution. */
const commonJs = { module: 'commonjs', moduleResolution: 'node10' };

describe('the Fastify quick starts of the READMEs', () => {
  let esm: TypeCheck;
  let cjs: TypeCheck;
  beforeAll(() => {
    esm = checkTypes([], { ...snippets, ...control });
    cjs = checkTypes([], { ...snippets, ...control }, { compilerOptions: commonJs });
  }, TIMEOUT);

  it('compile as ES modules', () => {
    expect(formatDiagnostics(esm.diagnosticsOf(quickStarts))).toBe('');
  });

  it('compile as CommonJS', () => {
    expect(formatDiagnostics(cjs.diagnosticsOf(quickStarts))).toBe('');
  });

  it('would fail: top-level await compiles as an ES module only', () => {
    expect(esm.summaryOf(topLevelAwait)).toEqual([]);
    expect(cjs.summaryOf(topLevelAwait).map(({ code, line }) => [line, code])).toEqual([[3, 1378]]);
  });
});
