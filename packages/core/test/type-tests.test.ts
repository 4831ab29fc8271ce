import { join } from 'node:path';
import {
  checkTypes,
  formatDiagnostics,
  type TypeCheck,
  typeTestFiles,
} from '../../../scripts/type-tests';

// Compiling a TypeScript program takes seconds, more on a busy machine.
const TIMEOUT = 180_000;

const packageDir = join(__dirname, '..');
const files = typeTestFiles(packageDir);

/** Lives only in memory, beside the real type tests, so its imports resolve as theirs do. */
const wrong = join(packageDir, 'test', 'types', '__deliberately-wrong__.test-d.ts');
const right = join(packageDir, 'test', 'types', '__deliberately-right__.test-d.ts');

const snippets = {
  [wrong]: [
    "import { defineProblems, ProblemError } from '@faultline/core';",
    "new ProblemError('RESOURCE_NOT_FUOND');",
    '// @ts-expect-error: nothing is wrong on the next line, so this comment is unused',
    "new ProblemError('RESOURCE_NOT_FOUND');",
    'const problems = defineProblems({ codes: { PAYMENT_REQUIRED: 402 } });',
    "new problems.ProblemError('PAYMENT_REQUIERD');",
    "defineProblems({ stackPolicy: 'client-errors' });",
    'export {};',
  ].join('\n'),
  // The same lines, corrected: the harness does not flag everything.
  [right]: [
    "import { defineProblems, ProblemError } from '@faultline/core';",
    "new ProblemError('RESOURCE_NOT_FOUND');",
    '// @ts-expect-error: a typo in a built-in code does not compile',
    "new ProblemError('RESOURCE_NOT_FUOND');",
    'const problems = defineProblems({ codes: { PAYMENT_REQUIRED: 402 } });',
    "new problems.ProblemError('PAYMENT_REQUIRED');",
    "defineProblems({ stackPolicy: 'server-errors' });",
    'export {};',
  ].join('\n'),
};

describe('the type tests of @faultline/core (test/types/*.test-d.ts)', () => {
  let check: TypeCheck;
  beforeAll(() => {
    check = checkTypes(files, snippets);
  }, TIMEOUT);

  it('finds them (a renamed folder must not make the check vacuous)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it(
    'compile under the root tsconfig, every @ts-expect-error still meeting an error',
    () => {
      expect(formatDiagnostics(check.diagnosticsOf(files))).toBe('');
    },
    TIMEOUT,
  );

  it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
    const found = check.summaryOf(wrong);
    expect(found.map(({ code, line }) => [line, code])).toEqual([
      [2, 2345], // a typo in a built-in code
      [3, 2578], // an unused @ts-expect-error
      [6, 2345], // a typo in an application's code
      [7, 2322], // a stack policy that does not exist
    ]);
    expect(found[0]?.message).toContain('"RESOURCE_NOT_FUOND"');
    expect(found[1]?.message).toBe("Unused '@ts-expect-error' directive.");
    expect(found[2]?.message).toContain('"PAYMENT_REQUIERD"');
  });

  it('and its corrected twin compiles clean', () => {
    expect(check.summaryOf(right)).toEqual([]);
  });
});
