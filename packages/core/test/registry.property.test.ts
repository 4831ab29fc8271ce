import { defineProblems } from '@faultline/core';
import { isErrorStatus } from '@faultline/core/adapter';
import fc from 'fast-check';

const code = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/).map((name) => `APP_${name}`);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).map((name) => `app-${name}`);
const catalogueStatuses = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503];
const freeStatus = fc
  .integer({ min: 400, max: 599 })
  .filter((status) => !catalogueStatuses.includes(status));

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
          const typed = new Set([...catalogueStatuses, ...typeList.map(([status]) => status)]);
          const untyped = Object.entries(codes).find(([, status]) => !typed.has(status));
          const define = () =>
            defineProblems({ typeBase: 'https://errors.example/docs', codes, types });
          if (untyped !== undefined) {
            // With a type base, every code must resolve to a real type URI.
            expect(define).toThrow(
              `error code "${untyped[0]}" (status ${untyped[1]}) has no problem type`,
            );
            return;
          }
          const problems = define();
          for (const [name, status] of Object.entries(codes)) {
            const error = new problems.ProblemError(name as never);
            expect(error.status).toBe(status);
            expect(error.type).toBe(problems.registry.byStatus(status).type);
            expect(error.type).not.toBe('about:blank');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives every code with a type of its own that type, and the rest their status type', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.tuple(code, fc.integer({ min: 400, max: 599 }), slug), {
            selector: ([name, , typeSlug]) => [name, typeSlug],
            maxLength: 6,
          })
          .filter(
            (entries) =>
              new Set(entries.map(([name]) => name)).size === entries.length &&
              new Set(entries.map(([, , typeSlug]) => typeSlug)).size === entries.length,
          ),
        (entries) => {
          const codes = Object.fromEntries(
            entries.map(([name, status, typeSlug]) => [
              name,
              { status, type: { slug: typeSlug, title: `Title ${typeSlug}` } },
            ]),
          );
          const problems = defineProblems({ typeBase: 'https://errors.example/docs', codes });
          for (const [name, status, typeSlug] of entries) {
            expect(problems.registry.byCode(name)).toEqual({
              code: name,
              status,
              title: `Title ${typeSlug}`,
              type: `https://errors.example/docs#${typeSlug}`,
            });
          }
          // A status's own type is untouched by the codes that bring their own.
          expect(problems.registry.byStatus(409).type).toBe(
            'https://errors.example/docs#resource-conflict',
          );
        },
      ),
      { numRuns: 200 },
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
