import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { frameworks, optionsFor } from './support/frameworks.js';

const run = promisify(execFile);
const redocly = join(__dirname, '..', 'node_modules', '.bin', 'redocly');

interface LintReport {
  readonly totals: { readonly errors: number; readonly warnings: number };
  readonly problems: readonly {
    readonly ruleId: string;
    readonly severity: string;
    readonly message: string;
  }[];
}

/** `redocly lint` of a document with its recommended rules: its JSON report. */
async function lint(document: string): Promise<LintReport> {
  const dir = mkdtempSync(join(tmpdir(), 'datasets-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, document);
    // redocly exits non-zero when it finds errors; the report is on stdout either way.
    const { stdout } = await run(redocly, ['lint', file, '--format=json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    return JSON.parse(stdout) as LintReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(frameworks)('the OpenAPI document of the $name app', (framework) => {
  test('passes @redocly/cli lint with no error', async () => {
    const app = await framework.listen(optionsFor(false).options);
    let document: string;
    try {
      document = (await app.send({ method: 'GET', path: '/openapi.json', headers: {} })).text;
    } finally {
      await app.close();
    }
    const report = await lint(document);
    const errors = report.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });
});
