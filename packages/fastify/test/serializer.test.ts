import type { ProblemDocument } from '@faultline/core';
import { serializeProblem } from '../src/serializer';

describe('the precompiled problem serializer', () => {
  const bodies: ProblemDocument[] = [
    { status: 500, title: 'Internal Server Error', type: 'about:blank' },
    {
      status: 404,
      title: 'Not Found',
      type: 'https://api.example.com/docs/errors#resource-not-found',
      detail: `"quoted" \\ back\u2028slash é ${'\u0001'}`,
      instance: '/datasets/7',
      error_code: 'RESOURCE_NOT_FOUND',
    },
    {
      status: 422,
      title: 'Unprocessable Entity',
      type: 'about:blank',
      detail: "The 'name' field is required.",
      error_code: 'MISSING_REQUIRED_FIELD',
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name', in: 'query' }],
      balance: 30,
      accounts: ['/account/12345', null],
      nested: { deep: { list: [1, 'two', false] } },
      skipped: undefined,
    },
  ];

  it.each(bodies)('writes exactly what JSON.stringify writes (%#)', (body) => {
    expect(serializeProblem(body)).toBe(JSON.stringify(body));
  });

  it('writes an exposed stack, which core puts last, where it is', () => {
    const body = { ...(bodies[0] as ProblemDocument), stack: 'Error: x\n    at y' };
    expect(serializeProblem(body)).toBe(JSON.stringify(body));
  });
});
