import { defineProblems, isErrorStatus } from '@faultline/core';
import fc from 'fast-check';

const code = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/).map((name) => `APP_${name}`);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).map((name) => `app-${name}`);
const freeStatus = fc
  .integer({ min: 400, max: 599 })
  .filter(
    (status) => ![400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503].includes(status),
  );

describe('defineProblems, for any definition', () => {
  it('round-trips every valid definition: each code answers with its status and its type', () => {
    fc.assert(
      fc.property(
        fc.dictionary(code, fc.integer({ min: 400, max: 599 }), { maxKeys: 8 }),
        fc
          .uniqueArray(
            fc.tuple(
              freeStatus,
              slug,
              fc.string({ minLength: 1 }).filter((t) => t.trim() !== ''),
            ),
            {
              selector: ([status]) => `${status}`,
              maxLength: 5,
            },
          )
          .filter((types) => new Set(types.map(([, name]) => name)).size === types.length),
        (codes, typeList) => {
          const types = Object.fromEntries(
            typeList.map(([status, name, title]) => [status, { slug: name, title }]),
          );
          const problems = defineProblems({
            typeBase: 'https://errors.example/docs',
            codes,
            types,
          });
          for (const [name, status] of Object.entries(codes)) {
            const error = new problems.ProblemError(name as never);
            expect(error.status).toBe(status);
            const type = types[status];
            expect(error.type).toBe(
              type === undefined
                ? problems.registry.byStatus(status).type
                : `https://errors.example/docs#${type.slug}`,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects every invalid status at definition time, with a message', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null))
          .filter((status) => !isErrorStatus(status)),
        (status) => {
          expect(() =>
            defineProblems({ codes: { APP_CODE: status as unknown as number } }),
          ).toThrow(/@faultline\/core: error code "APP_CODE" has status/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects every malformed code name at definition time', () => {
    fc.assert(
      fc.property(
        fc.string().filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name)),
        (name) => {
          expect(() => defineProblems({ codes: { [name]: 400 } })).toThrow(
            /@faultline\/core: error code/,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
