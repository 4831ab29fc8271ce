import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/express',
    packageDir: join(__dirname, '..'),
    snippets: {
      [WRONG]: [
        "import { type ProblemLogger, problemHandlers, problemJson } from '@faultline/express';",
        "problemHandlers({ instance: '/x' });",
        'problemJson({ limit: true });',
        '// @ts-expect-error: a logger with error() is a logger, so this comment is unused',
        'const logger: ProblemLogger = { error() {} };',
        "problemHandlers({ logger, registy: 'x' });",
        'export {};',
      ],
    },
  },
  ({ linesAndCodes }) => {
    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      expect(linesAndCodes(WRONG)).toEqual([
        [2, 2322], // instance is a boolean or a function
        [3, 2322], // limit is bytes or a bytes string
        [4, 2578], // an unused @ts-expect-error
        [6, 2561], // a misspelt option (did you mean 'registry'?)
      ]);
    });
  },
);
