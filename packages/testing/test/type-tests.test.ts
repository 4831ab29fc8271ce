import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';
const REGISTERED = '__registered-codes__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/testing',
    packageDir: join(__dirname, '..'),
    snippets: {
      [REGISTERED]: [
        "import '@faultline/testing/jest';",
        "import { defineProblems } from '@faultline/core';",
        "import type { Response } from 'supertest';",
        'const problems = defineProblems({ codes: { DATASET_ARCHIVED: 409 } });',
        "declare module '@faultline/core' {",
        '  interface Register {',
        '    problems: typeof problems;',
        '  }',
        '}',
        'declare const response: Response;',
        "expect(response).toBeProblem(409, 'DATASET_ARCHIVED');",
        "expect(response).toBeProblem(404, 'RESOURCE_NOT_FOUND');",
        "expect(response).toMatchProblem({ error_code: 'DATASET_ARCHIVED' });",
        "expect(response).toBeProblem(409, 'DATASET_ARHIVED');",
        "expect(response).toMatchProblem({ error_code: 'DATASET_ARHIVED' });",
      ],
      [WRONG]: [
        "import '@faultline/testing/jest';",
        "import type { Response } from 'supertest';",
        'declare const response: Response;',
        "expect(response).toBeProblem(404, 'RESOURCE_NOT_FUOND');",
        '// @ts-expect-error: nothing is wrong on the next line, so this comment is unused',
        "expect(response).toBeProblem(404, 'RESOURCE_NOT_FOUND');",
        'expect(response).toMatchProblem({ status: "404" });',
        'const pending: Promise<void> = expect(response).toBeProblem(404);',
        'export { pending };',
      ],
    },
  },
  ({ linesAndCodes, summaryOf }) => {
    it('types codes with those the application registered', () => {
      expect(linesAndCodes(REGISTERED)).toEqual([
        [14, 2345], // a code the registry does not define
        [15, 2820], // the same, as a member of the expected problem (did you mean ...?)
      ]);
    });

    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      const found = summaryOf(WRONG);
      expect(found.map(({ code, line }) => [line, code])).toEqual([
        [4, 2345], // a typo in a code
        [5, 2578], // an unused @ts-expect-error
        [7, 2322], // a status that is not a number
        [8, 2322], // only a fetch Response's matchers return a promise
      ]);
      expect(found[0]?.message).toContain('"RESOURCE_NOT_FUOND"');
    });
  },
);
