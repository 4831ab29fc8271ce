import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

// The same matchers, registered by @faultline/testing/vitest, in a real Vitest run of the fixture
// test/fixtures/vitest: its tests named "passes ..." must pass, those named "fails: ..." must fail
// with the matcher's message.

interface AssertionResult {
  readonly ancestorTitles: readonly string[];
  readonly title: string;
  readonly status: string;
  readonly failureMessages: readonly string[];
}

interface Report {
  readonly numTotalTests: number;
  readonly testResults: readonly { readonly assertionResults: readonly AssertionResult[] }[];
}

const fixture = join(__dirname, 'fixtures', 'vitest');
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const clientNames = [
  'supertest on Express',
  'inject on Fastify',
  'fetch on Express',
  'fetch on Fastify',
  'axios on Express',
  'axios on Fastify',
];

let exitCode: number | null;
let output = '';
let results: Map<string, AssertionResult>;
let total: number;

beforeAll(async () => {
  const directory = await mkdtemp(join(tmpdir(), 'faultline-testing-vitest-'));
  const reportFile = join(directory, 'report.json');
  try {
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--reporter=json', `--outputFile=${reportFile}`],
      { cwd: fixture, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject).once('close', resolve);
    });
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as Report;
    total = report.numTotalTests;
    results = new Map(
      report.testResults
        .flatMap(({ assertionResults }) => assertionResults)
        .map((result) => [[...result.ancestorTitles, result.title].join(' › '), result]),
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}, 180_000);

function result(name: string): AssertionResult {
  const found = results.get(name);
  if (found === undefined) throw new Error(`Vitest ran no test named "${name}":\n${output}`);
  return found;
}

function failureOf(name: string): string {
  const { status, failureMessages } = result(name);
  expect(status).toBe('failed');
  return stripVTControlCharacters(failureMessages.join('\n'));
}

it('runs every test of the fixture, and fails for those meant to fail', () => {
  expect(total).toBe(clientNames.length * 7 + 2);
  expect(results.size).toBe(total);
  expect(exitCode).toBe(1);
});

describe.each(clientNames)('%s, under Vitest', (client) => {
  it.each([
    'passes a 404 problem with its code',
    'passes members matched exactly or by asymmetric matchers',
    'passes a 429 with Retry-After and a 405 with Allow',
    'passes negated on a response that is no problem',
  ])('%s', (name) => {
    expect(result(`${client} › ${name}`).failureMessages).toEqual([]);
    expect(result(`${client} › ${name}`).status).toBe('passed');
  });

  it('fails another code, with its diff', () => {
    const message = failureOf(`${client} › fails: another code`);
    expect(message).toContain('expect(response).toBeProblem(status, code)');
    expect(message).toContain(
      'Expected: a 404 problem with error_code "INVALID_ID"\nReceived: a 404 response with error_code "RESOURCE_NOT_FOUND"',
    );
    expect(message).toContain(
      '-   "error_code": "INVALID_ID",\n+   "error_code": "RESOURCE_NOT_FOUND",',
    );
  });

  it('fails a problem sent as application/json, naming the rule', () => {
    expect(failureOf(`${client} › fails: a problem sent as application/json`)).toMatch(
      /\n {2}- Content-Type is "application\/json(; charset=utf-8)?", not application\/problem\+json\n/,
    );
  });

  it('fails members that differ, with their diff', () => {
    const message = failureOf(`${client} › fails: members that differ`);
    expect(message).toContain('expect(response).toMatchProblem(expected)');
    expect(message).toContain(
      `-   "detail": "Gone.",\n+   "detail": "Dataset with ID 'abc' was not found.",`,
    );
  });
});

describe('with a registry, under Vitest', () => {
  it("passes a code of the application's registry", () => {
    expect(result('with a registry › passes a code of the application').status).toBe('passed');
  });

  it('fails a code the registry does not define', () => {
    expect(failureOf('with a registry › fails: a code the registry does not define')).toContain(
      '  - "error_code" "NOT_OURS" is not a code of the registry',
    );
  });
});
