import { join } from 'node:path';
import { describeTypeTests } from '../../../scripts/type-tests';

const WRONG = '__deliberately-wrong__.test-d.ts';
const REGISTERED = '__registered-codes__.test-d.ts';

describeTypeTests(
  {
    name: '@faultline/fastify',
    packageDir: join(__dirname, '..'),
    snippets: {
      [REGISTERED]: [
        "import { defineProblems } from '@faultline/core';",
        "import type { FastifyReply } from 'fastify';",
        'const problems = defineProblems({ codes: { DATASET_ARCHIVED: 409 } });',
        "declare module '@faultline/core' {",
        '  interface Register {',
        '    problems: typeof problems;',
        '  }',
        '}',
        'export function handler(reply: FastifyReply): FastifyReply {',
        "  reply.problem('DATASET_ARCHIVED', { detail: 'Archived.' });",
        "  reply.problem('DATASET_ARHIVED');",
        "  return reply.problem('RESOURCE_NOT_FOUND', { detial: 'x' });",
        '}',
      ],
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
    it('types the non-throwing helper with the codes the application registered', () => {
      expect(linesAndCodes(REGISTERED)).toEqual([
        [11, 2345], // a code the registry does not define
        [12, 2561], // a misspelt option
      ]);
    });

    it('would fail: a deliberately wrong snippet gets exactly its diagnostics', () => {
      expect(linesAndCodes(WRONG)).toEqual([
        [5, 2769], // not a log level (no overload of register matches)
        [6, 2578], // an unused @ts-expect-error
        [8, 2322], // the decorator is typed
      ]);
    });
  },
);
