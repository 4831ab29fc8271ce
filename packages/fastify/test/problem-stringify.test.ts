import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ProblemDocument } from '@faultline/core';
import fastJson from 'fast-json-stringify';
import { serializeProblem } from '../src/serializer';

const generator = createRequire(__filename)('../scripts/problem-stringify.cjs') as {
  generatedFile: string;
  problemSchema: object;
  renderProblemStringify: () => string;
};

describe('the problem serializer generated ahead of time', () => {
  it('is exactly what fast-json-stringify generates from the problem schema today', () => {
    expect(readFileSync(generator.generatedFile, 'utf8')).toBe(generator.renderProblemStringify());
  });

  const compiled = fastJson(generator.problemSchema);
  const bodies: ProblemDocument[] = [
    {
      status: 404,
      title: 'Not Found',
      type: 'about:blank',
      detail: "Item '42' was not found.",
      instance: '/items/42',
      error_code: 'RESOURCE_NOT_FOUND',
    },
    {
      status: 500,
      title: 'Internal Server Error',
      type: 'about:blank',
      detail: 'An unexpected error occurred.',
    },
    {
      status: 429,
      title: 'Too Many Requests',
      type: 'https://api.example.com/problems/rate-limited',
      detail: 'Slow down: \u2028 "quotes" \\ and \u0007.',
      error_code: 'RATE_LIMITED',
      retry_after: 30,
      errors: [{ detail: 'x', pointer: '#/a' }],
    },
  ];

  it.each(bodies)('writes what the runtime-compiled serializer writes (%#)', (body) => {
    expect(serializeProblem(body)).toBe(compiled(body));
    expect(serializeProblem(body)).toBe(JSON.stringify(body));
  });
});
