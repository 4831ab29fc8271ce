import { join } from 'node:path';
import { checkTypes } from '../../../scripts/type-tests';

// Compiling a program with Fastify's typings takes seconds on a busy machine; nothing is timed.
jest.setTimeout(180_000);

const snippet = (name: string) => join(__dirname, 'types', name);

const app = [
  "import swagger from '@fastify/swagger';",
  "import { defineProblems } from '@faultline/core';",
  "import Fastify from 'fastify';",
  "import { problemSwagger } from '../../src/fastify-swagger.js';",
  'export const problems = defineProblems({ codes: { DATASET_ARCHIVED: 409 } });',
  'export async function build(): Promise<void> {',
  '  const app = Fastify();',
  "  await app.register(swagger, { openapi: { openapi: '3.1.0' }, ...problemSwagger(problems.registry) });",
];

/** Each snippet is its own program: augmenting `Register` holds for a whole program. */
function diagnosticsOf(name: string, lines: readonly string[]): [number, number][] {
  const file = snippet(name);
  return checkTypes([], { [file]: lines.join('\n') })
    .summaryOf(file)
    .map(({ line, code }): [number, number] => [line, code]);
}

describe('config.problems of a Fastify route (FastifyContextConfig, augmented by fastify-swagger)', () => {
  it('takes only the codes of the registry once the application augments Register', () => {
    const registered = [
      ...app,
      "  app.get('/a', { config: { problems: ['DATASET_ARCHIVED', 'RESOURCE_NOT_FOUND'] } }, async () => 'a');",
      "  app.get('/b', { config: { problems: ['DATASET_ARHIVED'] } }, async () => 'b');",
      '}',
      "declare module '@faultline/core' {",
      '  interface Register {',
      '    problems: typeof problems;',
      '  }',
      '}',
    ];
    expect(diagnosticsOf('__registered__.test-d.ts', registered)).toEqual([
      [10, 2322], // a code the registry does not define
    ]);
  });

  it('takes any string without Register (checked when the document is generated), and only strings', () => {
    const plain = [
      ...app,
      "  app.get('/a', { config: { problems: ['DATASET_ARCHIVED', 'RESOURCE_NOT_FOUND'] } }, async () => 'a');",
      "  app.get('/b', { config: { problems: [404] } }, async () => 'b');",
      "  app.get('/c', { config: { problems: 'RESOURCE_NOT_FOUND' } }, async () => 'c');",
      '}',
    ];
    expect(diagnosticsOf('__plain__.test-d.ts', plain)).toEqual([
      [10, 2322], // a number is not a code
      [11, 2322], // a code alone is not a list
    ]);
  });
});
