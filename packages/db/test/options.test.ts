import { createNormaliser, defineProblems } from '@faultline/core';
import { databaseErrors } from '@faultline/db';
import { observe } from './helpers/observe';

describe('databaseErrors(options): checked once, when the mapper is made', () => {
  it.each([
    [
      { exposeFields: 'email' },
      '@faultline/db: exposeFields must be an array of column names or a function, got string',
    ],
    [
      { exposeFields: ['email', 3] },
      '@faultline/db: exposeFields must be an array of column names or a function, got object',
    ],
    [{ retryAfter: 5 }, '@faultline/db: retryAfter must be an object { contention, unavailable }'],
    [
      { retryAfter: { contention: -1 } },
      '@faultline/db: retryAfter.contention must be a non-negative integer of seconds, got -1',
    ],
    [
      { retryAfter: { unavailable: 1.5 } },
      '@faultline/db: retryAfter.unavailable must be a non-negative integer of seconds, got 1.5',
    ],
    [{ exposeField: ['email'] }, '@faultline/db: unknown option "exposeField"'],
    [null, '@faultline/db: options must be an object'],
  ])('%j → TypeError', (options, message) => {
    expect(() => databaseErrors(options as never)).toThrow(new TypeError(message));
  });

  it('retryAfter sets the Retry-After of each kind of 503', () => {
    const mapper = databaseErrors({ retryAfter: { contention: 3, unavailable: 30 } });
    const normalise = createNormaliser({ mappers: [mapper] });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
    });
    expect(normalise(busy).headers['Retry-After']).toBe('3');
    expect(normalise(refused).headers['Retry-After']).toBe('30');
    // The defaults, for comparison: the README's table pins them too.
    expect(observe(busy).headers['retry-after']).toBe('1');
    expect(observe(refused).headers['retry-after']).toBe('5');
  });
});

it("answers with the application's registry: its type URIs, the catalogue's codes", () => {
  const typeBase = 'https://api.example.com/docs/errors';
  const { registry } = defineProblems({ typeBase });
  const normalise = createNormaliser({ registry, mappers: [databaseErrors()] });
  const duplicate = Object.assign(new Error('UNIQUE constraint failed: users.email'), {
    code: 'SQLITE_CONSTRAINT_UNIQUE',
  });
  expect(normalise(duplicate).body).toEqual({
    status: 409,
    title: 'Conflict',
    type: `${typeBase}#resource-conflict`,
    detail: 'A resource with the same unique value already exists.',
    error_code: 'RESOURCE_ALREADY_EXISTS',
  });
});
