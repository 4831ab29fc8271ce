import * as v from 'valibot';
import { answer, SECRET, thrownBy } from './answer';

const schema = v.strictObject({
  name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(20)),
  visibility: v.picklist(['private', 'public']),
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  email: v.pipe(v.string(), v.email()),
  slug: v.pipe(v.string(), v.regex(/^[a-z]+$/)),
  tags: v.pipe(v.array(v.string()), v.minLength(1)),
  owner: v.object({ 'a/b~c': v.boolean() }),
});
const valid = {
  name: 'a',
  visibility: 'public',
  size: 1,
  email: 'a@example.com',
  slug: 'a',
  tags: ['x'],
  owner: { 'a/b~c': true },
};
const parse = (input: unknown) => thrownBy(() => v.parse(schema, input));

describe('Valibot: ValiError from parse()', () => {
  it('a missing key → 422 MISSING_REQUIRED_FIELD at its pointer', () => {
    const { name: _, ...rest } = valid;
    expect(answer(parse(rest))).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('a value outside the picklist → 422 INVALID_ENUM_VALUE, without the value', () => {
    expect(answer(parse({ ...valid, visibility: SECRET }))).toMatchObject({
      status: 422,
      code: 'INVALID_ENUM_VALUE',
      detail: "The 'visibility' field must be one of the allowed values.",
    });
  });

  it('a wrong type → 400 VALIDATION_ERROR; nested keys escaped in the pointer', () => {
    expect(answer(parse({ ...valid, owner: { 'a/b~c': SECRET } }))).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: "The 'owner.a/b~c' field must be of type boolean.",
      errors: [
        { detail: "The 'owner.a/b~c' field must be of type boolean.", pointer: '#/owner/a~1b~0c' },
      ],
    });
  });

  it.each([
    [{ name: '' }, "The 'name' field must not be empty.", 'MISSING_REQUIRED_FIELD'],
    [
      { name: `${SECRET}${SECRET}` },
      "The 'name' field must be at most 20 characters long.",
      'INVALID_FIELD_VALUE',
    ],
    [{ size: 0 }, "The 'size' field must be >= 1.", 'INVALID_FIELD_VALUE'],
    [{ size: 11 }, "The 'size' field must be <= 10.", 'INVALID_FIELD_VALUE'],
    [{ size: 1.5 }, "The 'size' field must be of type integer.", 'VALIDATION_ERROR'],
    [{ email: SECRET }, "The 'email' field must be a valid email.", 'INVALID_FIELD_VALUE'],
    [
      { slug: SECRET },
      "The 'slug' field does not match the expected pattern.",
      'INVALID_FIELD_VALUE',
    ],
    [{ tags: [] }, "The 'tags' field must have at least 1 items.", 'INVALID_FIELD_VALUE'],
    [{ extra: SECRET }, "The 'extra' field is not allowed.", 'INVALID_FIELD_VALUE'],
  ])('%j: "%s"', (change, detail, code) => {
    expect(answer(parse({ ...valid, ...change }))).toMatchObject({ code, detail });
  });
});
