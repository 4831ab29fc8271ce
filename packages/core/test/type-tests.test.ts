import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';
const RIGHT = '__deliberately-right__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/core',
    packageDir: join(__dirname, '..'),
    snippets: {
      [WRONG]: [
        "import { defineProblems, ProblemError } from '@faultline/core';",
        "new ProblemError('RESOURCE_NOT_FUOND');",
        '// @ts-expect-error: nothing is wrong on the next line, so this comment is unused',
        "new ProblemError('RESOURCE_NOT_FOUND');",
        'const problems = defineProblems({ codes: { PAYMENT_REQUIRED: 402 } });',
        "new problems.ProblemError('PAYMENT_REQUIERD');",
        "defineProblems({ stackPolicy: 'client-errors' });",
        'export {};',
      ],
      // The same lines, corrected: the harness does not flag everything.
      [RIGHT]: [
        "import { defineProblems, ProblemError } from '@faultline/core';",
        "new ProblemError('RESOURCE_NOT_FOUND');",
        '// @ts-expect-error: a typo in a built-in code does not compile',
        "new ProblemError('RESOURCE_NOT_FUOND');",
        'const problems = defineProblems({ codes: { PAYMENT_REQUIRED: 402 } });',
        "new problems.ProblemError('PAYMENT_REQUIRED');",
        "defineProblems({ stackPolicy: 'server-errors' });",
        'export {};',
      ],
    },
  },
  ({ summaryOf }) => {
    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      const found = summaryOf(WRONG);
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
      expect(summaryOf(RIGHT)).toEqual([]);
    });
  },
);
