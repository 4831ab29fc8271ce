import { normalise, validationProblem } from '@faultline/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    visibility: { enum: ['private', 'public'] },
    size: { type: 'integer', minimum: 1 },
    contact: { type: 'object', properties: { 'e/mail': { type: 'string', format: 'email' } } },
  },
};
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function problemFor(body: unknown) {
  expect(validate(body)).toBe(false);
  return normalise(validationProblem(validate.errors ?? [])).body;
}

describe('validationProblem with Ajv errors', () => {
  it('a missing required field → 422 MISSING_REQUIRED_FIELD pointing at the field', () => {
    expect(problemFor({})).toMatchObject({
      status: 422,
      error_code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('an empty required string counts as missing', () => {
    expect(problemFor({ name: '' })).toMatchObject({
      status: 422,
      error_code: 'MISSING_REQUIRED_FIELD',
      errors: [{ detail: "The 'name' field must not be empty.", pointer: '#/name' }],
    });
  });

  it('a value of the wrong type → 400 VALIDATION_ERROR, even beside other failures', () => {
    const body = problemFor({ name: 42, visibility: 'secret' });
    expect(body).toMatchObject({
      status: 400,
      error_code: 'VALIDATION_ERROR',
      detail: "The 'name' field must be of type string.",
    });
    expect(body.errors).toHaveLength(2);
  });

  it('a value outside the enum → 422 INVALID_ENUM_VALUE, naming the allowed values, not the received one', () => {
    const body = problemFor({ name: 'a', visibility: 'top-secret-value' });
    expect(body).toMatchObject({
      status: 422,
      error_code: 'INVALID_ENUM_VALUE',
      errors: [
        {
          detail: "The 'visibility' field must be one of 'private', 'public'.",
          pointer: '#/visibility',
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain('top-secret-value');
  });

  it.each([
    [{ name: 'x'.repeat(101) }, "The 'name' field must be at most 100 characters long.", '#/name'],
    [{ name: 'a', size: 0 }, "The 'size' field must be >= 1.", '#/size'],
    [
      { name: 'a', contact: { 'e/mail': 'card-4111111111111111' } },
      "The 'contact.e/mail' field must be a valid email.",
      '#/contact/e~1mail',
    ],
    [{ name: 'a', extra: true }, "The 'extra' field is not allowed.", '#/extra'],
  ])('%p → 422 INVALID_FIELD_VALUE', (input, detail, pointer) => {
    const body = problemFor(input);
    expect(body).toMatchObject({
      status: 422,
      error_code: 'INVALID_FIELD_VALUE',
      errors: [{ detail, pointer }],
    });
    expect(JSON.stringify(body)).not.toContain('4111111111111111');
  });

  it('a body that is not an object names the body', () => {
    expect(problemFor([1])).toMatchObject({
      status: 400,
      detail: 'The request body must be of type object.',
      errors: [{ pointer: '#' }],
    });
  });
});

describe('validationProblem with neutral failures', () => {
  it('accepts paths as lists and JSON Pointers in either form', () => {
    const error = validationProblem([
      { path: ['profile', 'color'], keyword: 'enum' },
      { pointer: '/age', keyword: 'minimum', params: { comparison: '>=', limit: 0 } },
      { pointer: '#/a%20b', keyword: 'pattern' },
    ]);
    expect(error.extensions?.errors).toEqual([
      {
        detail: "The 'profile.color' field must be one of the allowed values.",
        pointer: '#/profile/color',
      },
      { detail: "The 'age' field must be >= 0.", pointer: '#/age' },
      { detail: "The 'a b' field does not match the expected pattern.", pointer: '#/a%20b' },
    ]);
    expect(error.code).toBe('INVALID_ENUM_VALUE');
  });

  it('says where a parameter failed, and a bad path parameter is an INVALID_ID', () => {
    const query = validationProblem(
      [{ pointer: '/limit', keyword: 'maximum', params: { comparison: '<=', limit: 50 } }],
      'querystring',
    );
    expect(query.extensions?.errors).toEqual([
      { detail: "The 'limit' parameter must be <= 50.", pointer: '#/limit', in: 'query' },
    ]);
    const path = validationProblem([{ pointer: '/id', keyword: 'pattern' }], 'params');
    expect(path).toMatchObject({ status: 400, code: 'INVALID_ID' });
  });

  it('still answers for an empty list', () => {
    expect(validationProblem([])).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: 'The request is invalid.',
    });
  });
});

it('points at a property whose name holds a lone surrogate, as U+FFFD', () => {
  const error = validationProblem([
    { keyword: 'type', instancePath: '/\ud800', params: { type: 'string' } },
  ]);
  expect(error.extensions?.errors).toEqual([
    { detail: "The '\ud800' field must be of type string.", pointer: '#/%EF%BF%BD' },
  ]);
});
