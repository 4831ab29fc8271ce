import Ajv from 'ajv';
import { answer, caught, SECRET } from './answer';

const ajv = new Ajv({ allErrors: true });
const schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    visibility: { enum: ['private', 'public'] },
    size: { type: ['integer', 'null'], maximum: 10 },
    kind: { anyOf: [{ const: 'a' }, { const: 'b' }] },
  },
};

describe('Ajv: an async schema rejects with Ajv.ValidationError', () => {
  const validate = ajv.compile({ ...schema, $async: true });

  it('a missing property at its own pointer → 422 MISSING_REQUIRED_FIELD', async () => {
    const error = await caught(() => validate({ visibility: SECRET }));
    expect(error).toBeInstanceOf(Ajv.ValidationError);
    expect(answer(error)).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [
        { detail: "The 'name' field is required.", pointer: '#/name' },
        {
          detail: "The 'visibility' field must be one of 'private', 'public'.",
          pointer: '#/visibility',
        },
      ],
    });
  });

  it('a type of several names, a bound, an extra property, a union of constants', async () => {
    const error = await caught(() => validate({ name: 'a', size: SECRET, kind: SECRET, extra: 1 }));
    expect(answer(error)).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: "The 'size' field must be of type integer or null.",
      errors: [
        { detail: "The 'extra' field is not allowed.", pointer: '#/extra' },
        { detail: "The 'size' field must be of type integer or null.", pointer: '#/size' },
        { detail: "The 'kind' field must be one of 'a', 'b'.", pointer: '#/kind' },
      ],
    });
  });
});

describe('Ajv: validate.errors thrown as they are', () => {
  const validate = ajv.compile(schema);

  it('is answered as validationProblem(validate.errors) would be', () => {
    expect(validate({ name: '', size: 11 })).toBe(false);
    expect(answer(validate.errors)).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field must not be empty.",
      errors: [
        { detail: "The 'name' field must not be empty.", pointer: '#/name' },
        { detail: "The 'size' field must be <= 10.", pointer: '#/size' },
      ],
    });
  });

  it('a list with anything else in it is not recognised', () => {
    expect(answer([...(validate({}) ? [] : (validate.errors ?? [])), 'x']).status).toBe(500);
  });
});
