import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';
const REGISTERED = '__registered-codes__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/express',
    packageDir: join(__dirname, '..'),
    snippets: {
      [REGISTERED]: [
        "import { defineProblems } from '@faultline/core';",
        "import type { Response } from 'express';",
        'const problems = defineProblems({ codes: { DATASET_ARCHIVED: 409 } });',
        "declare module '@faultline/core' {",
        '  interface Register {',
        '    problems: typeof problems;',
        '  }',
        '}',
        'export function handler(res: Response): void {',
        "  res.problem('DATASET_ARCHIVED', { detail: 'Archived.' });",
        "  res.problem('RESOURCE_NOT_FOUND');",
        "  res.problem('DATASET_ARHIVED');",
        "  res.problem('RESOURCE_NOT_FOUND', { detial: 'x' });",
        '}',
      ],
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
    it('types the non-throwing helper with the codes the application registered', () => {
      expect(linesAndCodes(REGISTERED)).toEqual([
        [12, 2345], // a code the registry does not define
        [13, 2561], // a misspelt option
      ]);
    });

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
