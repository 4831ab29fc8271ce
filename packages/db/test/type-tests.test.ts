import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';
const RIGHT = '__deliberately-right__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/db',
    packageDir: join(__dirname, '..'),
    snippets: {
      [WRONG]: [
        "import { databaseErrors } from '@faultline/db';",
        "databaseErrors({ exposeFields: 'email' });",
        '// @ts-expect-error: nothing is wrong on the next line, so this comment is unused',
        "databaseErrors({ exposeFields: ['email'] });",
        "databaseErrors({ retryAfter: { unavailable: '5' } });",
        'databaseErrors({ exposeFields: (column: string) => column.length > 3 });',
        'export {};',
      ],
      // The same lines, corrected: the harness does not flag everything.
      [RIGHT]: [
        "import { databaseErrors } from '@faultline/db';",
        "databaseErrors({ exposeFields: ['email'] });",
        '// @ts-expect-error: a list of names, not one name',
        "databaseErrors({ exposeFields: 'email' });",
        'databaseErrors({ retryAfter: { unavailable: 5 } });',
        'databaseErrors({ exposeFields: (column: string) => (column.length > 3 ? column : undefined) });',
        'export {};',
      ],
    },
  },
  ({ linesAndCodes }) => {
    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      expect(linesAndCodes(WRONG)).toEqual([
        [2, 2322], // one name where a list belongs
        [3, 2578], // an unused @ts-expect-error
        [5, 2322], // seconds as text
        [6, 2322], // a function that says yes or no
      ]);
    });

    it('and its corrected twin compiles clean', () => {
      expect(linesAndCodes(RIGHT)).toEqual([]);
    });
  },
);
