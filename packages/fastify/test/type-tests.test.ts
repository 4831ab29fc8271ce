import { join } from 'node:path';
import {
  checkTypes,
  formatDiagnostics,
  type TypeCheck,
  typeTestFiles,
} from '../../../scripts/type-tests';

// Compiling a TypeScript program with Fastify's typings takes seconds, more on a busy machine.
const TIMEOUT = 180_000;

const packageDir = join(__dirname, '..');
const files = typeTestFiles(packageDir);

/** Lives only in memory, beside the real type tests, so its imports resolve as theirs do. */
const wrong = join(packageDir, 'test', 'types', '__deliberately-wrong__.test-d.ts');

const snippets = {
  [wrong]: [
    "import { faultline } from '@faultline/fastify';",
    "import Fastify from 'fastify';",
    'export async function wrong(): Promise<void> {',
    '  const app = Fastify();',
    "  await app.register(faultline, { logLevel4xx: 'loud' });",
    '  // @ts-expect-error: a boolean is right, so this comment is unused',
    '  await app.register(faultline, { notFound: false });',
    '  const handler: string = app.faultline.notFoundHandler;',
    '  void handler;',
    '}',
  ].join('\n'),
};

describe('the type tests of @faultline/fastify (test/types/*.test-d.ts)', () => {
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
      [5, 2769], // not a log level (no overload of register matches)
      [6, 2578], // an unused @ts-expect-error
      [8, 2322], // the decorator is typed
    ]);
  });
});
