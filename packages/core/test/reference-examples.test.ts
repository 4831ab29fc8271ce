import { createNormaliser, defineProblems } from '@faultline/core';
import { referenceBase, referenceExamples } from './fixtures/reference-examples';
import { isValidProblem } from './problem-schema';

const { registry, ProblemError } = defineProblems({ typeBase: referenceBase });
const normalise = createNormaliser({ registry });

describe('with the reference base configured, every example body of the reference comes out exactly', () => {
  it.each(referenceExamples)('$body.status $code', ({ code, detail, body }) => {
    const error = new ProblemError(code, detail === undefined ? {} : { detail });
    const response = normalise(error);
    const expected = body.status < 500 ? { ...body, error_code: code } : body;
    expect(response.status).toBe(body.status);
    expect(response.body).toEqual(expected);
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(expected));
    expect(isValidProblem(response.body)).toBe(true);
  });
});
