import { validationProblem } from '@faultline/core';

/** TypeBox 1 lists every missing or forbidden property of an object in one failure. */
describe('validationProblem: properties listed in one failure', () => {
  it('points each missing property at itself, as MISSING_REQUIRED_FIELD', () => {
    const problem = validationProblem([
      {
        keyword: 'required',
        instancePath: '/owner',
        params: { requiredProperties: ['name', 'a/b'] },
      },
    ]);
    expect(problem.code).toBe('MISSING_REQUIRED_FIELD');
    expect(problem.extensions).toEqual({
      errors: [
        { detail: "The 'owner.name' field is required.", pointer: '#/owner/name' },
        { detail: "The 'owner.a/b' field is required.", pointer: '#/owner/a~1b' },
      ],
    });
  });

  it('points each forbidden property at itself', () => {
    const problem = validationProblem([
      {
        keyword: 'additionalProperties',
        instancePath: '',
        params: { additionalProperties: ['x'] },
      },
    ]);
    expect(problem.extensions).toEqual({
      errors: [{ detail: "The 'x' field is not allowed.", pointer: '#/x' }],
    });
  });

  it('keeps a failure whose list names nothing usable as it is', () => {
    const problem = validationProblem([
      { keyword: 'required', instancePath: '', params: { requiredProperties: [7] } },
    ]);
    expect(problem.extensions).toEqual({
      errors: [{ detail: 'The request body is required.', pointer: '#' }],
    });
  });
});
