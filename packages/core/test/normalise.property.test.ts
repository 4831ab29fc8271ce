import { createNormaliser, ProblemError } from '@faultline/core';
import { isErrorStatus } from '@faultline/core/adapter';
import fc from 'fast-check';
import { isValidProblem } from './problem-schema';

const normalise = createNormaliser({ exposeStack: false });

/** Errors and error-like values with every kind of status, expose flag, message and headers. */
const errorLike = fc
  .record(
    {
      status: fc.oneof(fc.integer({ min: -1, max: 1000 }), fc.anything()),
      statusCode: fc.oneof(fc.integer({ min: 399, max: 600 }), fc.anything()),
      expose: fc.oneof(fc.boolean(), fc.anything()),
      message: fc.oneof(fc.string({ maxLength: 3000 }), fc.anything()),
      code: fc.oneof(
        fc.constantFrom('RESOURCE_NOT_FOUND', 'INVALID_ENUM_VALUE', 'FST_ERR_X'),
        fc.anything(),
      ),
      headers: fc.oneof(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.anything())),
        fc.anything(),
      ),
      isBoom: fc.boolean(),
      output: fc.anything(),
    },
    { requiredKeys: [] },
  )
  .chain((shape) =>
    fc
      .boolean()
      .map((asError) => (asError ? Object.assign(new Error('secret-message'), shape) : shape)),
  );

describe('normalise, for any value', () => {
  it('answers exactly one valid problem, 400–599, with error_code only on 4xx and no secret in a 5xx', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything({ withBigInt: true, withMap: true, withSet: true }), errorLike),
        (value) => {
          const { status, headers, body } = normalise(value);
          expect(isErrorStatus(status)).toBe(true);
          expect(body.status).toBe(status);
          expect(isValidProblem(body)).toBe(true);
          expect(headers['Content-Type']).toBe('application/problem+json');
          for (const header of Object.values(headers)) expect(header).not.toMatch(/[\r\n]/);
          if (status >= 500) {
            expect(body).not.toHaveProperty('error_code');
            expect(JSON.stringify(body)).not.toContain('secret-message');
            expect(body).not.toHaveProperty('stack');
          }
          if (status === 429) expect(headers['Retry-After']).toMatch(/^\d+$/);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps the status a ProblemError chose, whatever extensions it carries', () => {
    const codes = ProblemError.registry.codes;
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.dictionary(
          fc
            .string()
            .filter(
              (key) =>
                ![
                  'status',
                  'title',
                  'type',
                  'detail',
                  'instance',
                  'error_code',
                  'errors',
                  '__proto__',
                ].includes(key),
            ),
          fc.jsonValue(),
        ),
        (code, extensions) => {
          const error = new ProblemError(code as 'VALIDATION_ERROR', { extensions });
          const { body } = normalise(error);
          expect(body.status).toBe(error.status);
          expect(isValidProblem(body)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
