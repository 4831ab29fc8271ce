import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { problemCatalogue, problemMarkdown, problemPage } from '@faultline/openapi';
import { problems } from './fixtures/problems';

// Bounds a hang only: each run starts Node with a TypeScript loader. Nothing here is timed.
jest.setTimeout(60_000);

const run = promisify(execFile);
const packageDir = join(__dirname, '..');

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `faultline ...args`, as a child process (the CLI's source, through tsx), in the package directory. */
function faultline(...args: string[]): Promise<Outcome> {
  return run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageDir,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('faultline docs <module>', () => {
  it('writes the HTML page of the module’s "problems" export to standard output by default', async () => {
    const outcome = await faultline('docs', 'test/fixtures/problems.ts');
    expect(outcome).toEqual({ code: 0, stdout: problemPage(problems.registry).html, stderr: '' });
  });

  it('writes Markdown to a file with --format md --out, and takes --title', async () => {
    const out = join(dir, 'errors.md');
    const outcome = await faultline(
      'docs',
      'test/fixtures/problems.ts',
      '--format',
      'md',
      '--out',
      out,
      '--title',
      'Datasets API errors',
    );
    expect(outcome).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(
      problemMarkdown(problems.registry, { title: 'Datasets API errors' }),
    );
  });

  it('writes the catalogue as JSON with --format json', async () => {
    const outcome = await faultline('docs', 'test/fixtures/problems.ts', '--format', 'json');
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(
      JSON.parse(JSON.stringify(problemCatalogue(problems.registry))),
    );
  });

  it('finds the registry in a default export, or in a "registry" export', async () => {
    const byDefault = await faultline(
      'docs',
      'test/fixtures/default-export.ts',
      '--format',
      'json',
    );
    expect(byDefault.code).toBe(0);
    expect(JSON.parse(byDefault.stdout).codes.map((code: { code: string }) => code.code)).toContain(
      'QUOTA_EXCEEDED',
    );
    const byName = await faultline('docs', 'test/fixtures/registry-export.ts', '--format', 'json');
    expect(byName.code).toBe(0);
    expect(JSON.parse(byName.stdout).types[0].type).toBe(
      'https://registry.test/errors#invalid-request',
    );
  });

  it('says what is wrong with a module that exports no registry, and exits 1', async () => {
    const outcome = await faultline('docs', 'test/fixtures/no-registry.ts');
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'faultline: test/fixtures/no-registry.ts exports no registry: export the result of defineProblems() as the default export or as "problems", or export its registry as "registry"\n',
    });
  });

  it('exits 1 naming a module that does not exist', async () => {
    const outcome = await faultline('docs', 'test/fixtures/nothing-here.ts');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^faultline: .*nothing-here\.ts/);
  });

  it.each([
    [['docs'], 'the registry module is missing'],
    [['serve', 'x.js'], 'unknown command "serve"'],
    [
      ['docs', 'test/fixtures/problems.ts', '--format', 'pdf'],
      '--format must be html, md or json; got "pdf"',
    ],
    [['docs', 'test/fixtures/problems.ts', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with the usage on %j', async (args, message) => {
    const outcome = await faultline(...args);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).toContain(
      'Usage: faultline docs <module> [--format html|md|json] [--out file]',
    );
  });

  it('prints its usage with --help', async () => {
    const outcome = await faultline('--help');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Usage: faultline docs <module>/);
  });
});
