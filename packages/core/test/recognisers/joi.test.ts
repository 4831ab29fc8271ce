import Joi from 'joi';
import { answer, SECRET, thrownBy } from './answer';

const schema = Joi.object({
  name: Joi.string().required().max(20),
  title: Joi.string().min(3),
  visibility: Joi.string().valid('private', 'public'),
  size: Joi.number().integer().min(1).max(10).greater(0).less(11),
  email: Joi.string().email(),
  website: Joi.string().uri(),
  slug: Joi.string().pattern(/^[a-z]+$/),
  tags: Joi.array().items(Joi.string()).min(1).max(2),
  owner: Joi.object({ 'a/b~c': Joi.boolean() }),
  note: Joi.string().custom(() => {
    throw new Error(SECRET);
  }),
});

function failed(input: unknown) {
  const { error } = schema.validate(input, { abortEarly: false });
  expect(error?.isJoi).toBe(true);
  return error;
}

describe('Joi: ValidationError', () => {
  it('Joi.assert: a missing key → 422 MISSING_REQUIRED_FIELD', () => {
    expect(answer(thrownBy(() => Joi.assert({}, schema)))).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('Joi.attempt throws the same', () => {
    expect(answer(thrownBy(() => Joi.attempt({}, schema))).code).toBe('MISSING_REQUIRED_FIELD');
  });

  it('an empty string counts as missing', () => {
    expect(answer(failed({ name: '' }))).toMatchObject({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field must not be empty.",
    });
  });

  it('a value not allowed → 422 INVALID_ENUM_VALUE, naming the allowed values', () => {
    expect(answer(failed({ name: 'a', visibility: SECRET }))).toMatchObject({
      status: 422,
      code: 'INVALID_ENUM_VALUE',
      detail: "The 'visibility' field must be one of 'private', 'public'.",
    });
  });

  it('a wrong type → 400 VALIDATION_ERROR', () => {
    expect(answer(failed({ name: 'a', owner: { 'a/b~c': SECRET } }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      errors: [
        { detail: "The 'owner.a/b~c' field must be of type boolean.", pointer: '#/owner/a~1b~0c' },
      ],
    });
  });

  it('every rule is worded from its type and limit, never from the value', () => {
    const error = failed({
      name: `${SECRET}${SECRET}`,
      title: 'ab',
      size: 9.5,
      email: SECRET,
      website: SECRET,
      slug: SECRET,
      tags: ['a', 'b', SECRET],
      note: SECRET,
      extra: SECRET,
    });
    expect(answer(error)).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: "The 'size' field must be of type integer.",
      errors: [
        { detail: "The 'name' field must be at most 20 characters long.", pointer: '#/name' },
        { detail: "The 'title' field must be at least 3 characters long.", pointer: '#/title' },
        { detail: "The 'size' field must be of type integer.", pointer: '#/size' },
        { detail: "The 'email' field must be a valid email.", pointer: '#/email' },
        { detail: "The 'website' field must be a valid uri.", pointer: '#/website' },
        { detail: "The 'slug' field does not match the expected pattern.", pointer: '#/slug' },
        { detail: "The 'tags' field must have at most 2 items.", pointer: '#/tags' },
        { detail: "The 'note' field is invalid.", pointer: '#/note' },
        { detail: "The 'extra' field is not allowed.", pointer: '#/extra' },
      ],
    });
  });

  it.each([
    [{ size: 0 }, "The 'size' field must be >= 1."],
    [{ size: 11 }, "The 'size' field must be <= 10."],
    [{ tags: [] }, "The 'tags' field must have at least 1 items."],
  ])('%j: "%s"', (change, detail) => {
    const { errors } = answer(failed({ name: 'a', ...change }));
    expect(errors).toContainEqual(expect.objectContaining({ detail }));
  });

  it('greater and less are exclusive bounds', () => {
    const bounded = Joi.object({ n: Joi.number().greater(1).less(5) });
    const low = bounded.validate({ n: 1 }).error;
    const high = bounded.validate({ n: 5 }).error;
    expect(answer(low).detail).toBe("The 'n' field must be > 1.");
    expect(answer(high).detail).toBe("The 'n' field must be < 5.");
  });
});
