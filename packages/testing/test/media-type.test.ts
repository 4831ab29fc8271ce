import { isProblemMediaType, PROBLEM_MEDIA_TYPE } from '@faultline/testing';

describe('isProblemMediaType', () => {
  it.each([
    PROBLEM_MEDIA_TYPE,
    'application/problem+json; charset=utf-8',
    'Application/Problem+JSON',
    ' application/problem+json ;charset="utf-8"',
  ])('accepts %j', (value) => {
    expect(isProblemMediaType(value)).toBe(true);
  });

  it.each([
    'application/json',
    'application/problem+xml',
    'application/problem+json-seq',
    'application/vnd.api+json',
    'text/plain; type=application/problem+json',
    '',
  ])('refuses %j', (value) => {
    expect(isProblemMediaType(value)).toBe(false);
  });
});
