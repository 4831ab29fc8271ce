import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/openapi',
    packageDir: join(__dirname, '..'),
    snippets: {
      [WRONG]: [
        "import { defineProblems } from '@faultline/core';",
        "import { problemResponses } from '@faultline/openapi';",
        'const { registry } = defineProblems({ codes: { DATASET_ARCHIVED: 409 } });',
        "problemResponses(registry, ['DATASET_ARHIVED']);",
        '// @ts-expect-error: a code of the registry compiles, so this comment is unused',
        "problemResponses(registry, ['DATASET_ARCHIVED']);",
        'export {};',
      ],
    },
  },
  ({ linesAndCodes }) => {
    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      expect(linesAndCodes(WRONG)).toEqual([
        [4, 2820], // a code the registry does not define
        [5, 2578], // an unused @ts-expect-error
      ]);
    });
  },
);
