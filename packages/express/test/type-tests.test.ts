import { join } from 'node:path';
import {
  checkTypes,
  formatDiagnostics,
  type TypeCheck,
  typeTestFiles,
} from '../../../scripts/type-tests';

// Compiling a TypeScript program with Express's typings takes seconds, more on a busy machine.
const TIMEOUT = 180_000;

const packageDir = join(__dirname, '..');
const files = typeTestFiles(packageDir);

/** Lives only in memory, beside the real type tests, so its imports resolve as theirs do. */
const wrong = join(packageDir, 'test', 'types', '__deliberately-wrong__.test-d.ts');

const snippets = {
  [wrong]: [
    "import { type ProblemLogger, problemHandlers, problemJson } from '@faultline/express';",
    "problemHandlers({ instance: '/x' });",
    'problemJson({ limit: true });',
    '// @ts-expect-error: a logger with error() is a logger, so this comment is unused',
    'const logger: ProblemLogger = { error() {} };',
    "problemHandlers({ logger, registy: 'x' });",
    'export {};',
  ].join('\n'),
};

describe('the type tests of @faultline/express (test/types/*.test-d.ts)', () => {
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
    expect(check.summaryOf(wrong).map(({ code, line }) => [line, code])).toEqual([
      [2, 2322], // instance is a boolean or a function
      [3, 2322], // limit is bytes or a bytes string
      [4, 2578], // an unused @ts-expect-error
      [6, 2561], // a misspelt option (did you mean 'registry'?)
    ]);
  });
});
