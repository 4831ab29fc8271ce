import * as yup from 'yup';
import { answer, caught, SECRET } from './answer';

const schema = yup.object({
  name: yup.string().required().max(20),
  visibility: yup.string().oneOf(['private', 'public']),
  size: yup.number().typeError('size must be a number').integer().min(1).max(10),
  ratio: yup.number().moreThan(0).lessThan(1),
  email: yup.string().email(),
  website: yup.string().url(),
  slug: yup.string().matches(/^[a-z]+$/),
  tags: yup.array(yup.string()).min(1),
  owner: yup.object({ 'a.b': yup.string().required() }).default(undefined),
});

describe('yup: ValidationError', () => {
  it('abortEarly (the default): the one failure → 422 MISSING_REQUIRED_FIELD', async () => {
    expect(answer(await caught(() => schema.validate({})))).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('abortEarly: false: every failure from inner, worded by type and params, not by value', async () => {
    const input = {
      name: `${SECRET}${SECRET}`,
      visibility: SECRET,
      size: 11,
      ratio: 1,
      email: SECRET,
      website: SECRET,
      slug: SECRET,
      tags: [],
      owner: {},
    };
    expect(answer(await caught(() => schema.validate(input, { abortEarly: false })))).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'owner.a.b' field is required.",
      errors: [
        { detail: "The 'name' field must be at most 20 characters long.", pointer: '#/name' },
        {
          detail: "The 'visibility' field must be one of 'private', 'public'.",
          pointer: '#/visibility',
        },
        { detail: "The 'size' field must be <= 10.", pointer: '#/size' },
        { detail: "The 'ratio' field must be < 1.", pointer: '#/ratio' },
        { detail: "The 'email' field must be a valid email.", pointer: '#/email' },
        { detail: "The 'website' field must be a valid uri.", pointer: '#/website' },
        { detail: "The 'slug' field does not match the expected pattern.", pointer: '#/slug' },
        { detail: "The 'tags' field must have at least 1 items.", pointer: '#/tags' },
        { detail: "The 'owner.a.b' field is required.", pointer: '#/owner/a.b' },
      ],
    });
  });

  it('a value that cannot be cast → 400 VALIDATION_ERROR', async () => {
    expect(answer(await caught(() => schema.validate({ name: 'a', size: SECRET })))).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: "The 'size' field must be of type number.",
    });
  });

  it('validateSync throws the same', () => {
    let error: unknown;
    try {
      schema.validateSync({ name: 'a', size: 0 });
    } catch (thrown) {
      error = thrown;
    }
    expect(answer(error)).toMatchObject({ status: 422, detail: "The 'size' field must be >= 1." });
  });
});
