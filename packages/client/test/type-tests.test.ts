import { join } from 'node:path';
import { checkTypes, describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/client',
    packageDir: join(__dirname, '..'),
    snippets: {
      [WRONG]: [
        "import { readProblem } from '@faultline/client';",
        "import { defineProblems } from '@faultline/core';",
        'const problems = defineProblems({ codes: { PAYMENT_REQUIRED: 402 } });',
        'export async function f(response: Response) {',
        '  const problem = await readProblem<typeof problems>(response);',
        "  if (problem?.code === 'PAYMENT_REQUIERD') return 1;",
        '  switch (problem?.code) {',
        "    case 'RESOURCE_NOT_FUOND':",
        '      return 2;',
        '    // @ts-expect-error: the code exists, so this comment is unused',
        "    case 'PAYMENT_REQUIRED':",
        '      return 3;',
        '  }',
        '  return readProblem<{ codes: string[] }>(response);',
        '}',
      ],
    },
  },
  ({ summaryOf }) => {
    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      const found = summaryOf(WRONG);
      expect(found.map(({ code, line }) => [line, code])).toEqual([
        [6, 2367], // a comparison with a code the API cannot send
        [8, 2678], // a case the API cannot send
        [10, 2578], // an unused @ts-expect-error
        [14, 2344], // a type argument that describes no API
      ]);
      expect(found[0]?.message).toContain('"PAYMENT_REQUIERD"');
      expect(found[1]?.message).toContain('"RESOURCE_NOT_FUOND"');
    });
  },
);

describe('the codes an application registers once (declare module)', () => {
  const file = join(__dirname, 'types', '__registered__.test-d.ts');
  const snippet = [
    "import { ensureOk, isProblemResponseError, readProblem } from '@faultline/client';",
    "import { defineProblems } from '@faultline/core';",
    'const problems = defineProblems({ codes: { DATASET_ARCHIVED: 409 } });',
    "declare module '@faultline/client' {",
    '  interface Register {',
    '    problems: typeof problems;',
    '  }',
    '}',
    'export async function f(response: Response) {',
    '  const problem = await readProblem(response);',
    '  switch (problem?.code) {',
    "    case 'DATASET_ARCHIVED':",
    "    case 'RESOURCE_NOT_FOUND':",
    '      return 1;',
    "    case 'DATASET_ARHIVED':",
    '      return 2;',
    '  }',
    '  try {',
    '    await ensureOk(response);',
    '  } catch (error) {',
    "    if (isProblemResponseError(error) && error.problem.code === 'NOT_A_CODE') return 3;",
    '  }',
    '  return 0;',
    '}',
  ].join('\n');

  it('types every read without a type argument', () => {
    // A program of its own: the augmentation would otherwise reach the other type tests.
    const check = checkTypes([], { [file]: snippet });
    expect(check.summaryOf(file).map(({ code, line }) => [line, code])).toEqual([
      [15, 2678], // a code the registered API cannot send
      [21, 2367], // the same, compared on a thrown ProblemResponseError
    ]);
  }, 180_000);
});
