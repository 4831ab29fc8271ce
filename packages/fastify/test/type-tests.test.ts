import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/fastify',
    packageDir: join(__dirname, '..'),
    snippets: {
      [WRONG]: [
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
      ],
    },
  },
  ({ linesAndCodes }) => {
    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      expect(linesAndCodes(WRONG)).toEqual([
        [5, 2769], // not a log level (no overload of register matches)
        [6, 2578], // an unused @ts-expect-error
        [8, 2322], // the decorator is typed
      ]);
    });
  },
);
