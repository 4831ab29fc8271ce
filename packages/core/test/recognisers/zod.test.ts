import { z as z4 } from 'zod';
import * as zm from 'zod/mini';
import { z as z3 } from 'zod3';
import { answer, SECRET, thrownBy } from './answer';

/** The same schema in each major: zod 3 and zod 4 build it with the same calls. */
const versions = [
  ['zod 4', z4],
  ['zod 3', z3 as unknown as typeof z4],
] as const;

describe.each(versions)('%s: ZodError from schema.parse()', (_name, z) => {
  const schema = z
    .object({
      name: z.string().min(1).max(20),
      visibility: z.enum(['private', 'public']),
      size: z.number().int().min(1).max(10),
      email: z.string().email(),
      slug: z.string().regex(/^[a-z]+$/),
      kind: z.literal('dataset'),
      'a/b~c': z.string(),
      tags: z.array(z.object({ label: z.string() })).max(2),
      owner: z.union([z.string(), z.number()]),
    })
    .strict();
  const valid = {
    name: 'ok',
    visibility: 'public',
    size: 2,
    email: 'a@example.com',
    slug: 'abc',
    kind: 'dataset',
    'a/b~c': 'x',
    tags: [],
    owner: 'me',
  };
  const parse = (input: unknown) => thrownBy(() => schema.parse(input));

  it('a missing field → 422 MISSING_REQUIRED_FIELD at its pointer', () => {
    const { name: _, ...rest } = valid;
    expect(answer(parse(rest))).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('a union no branch of which found a value is missing too', () => {
    const { owner: _, ...rest } = valid;
    expect(answer(parse(rest))).toMatchObject({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      errors: [{ pointer: '#/owner' }],
    });
  });

  it('a value outside the enum → 422 INVALID_ENUM_VALUE naming the allowed values, not the value', () => {
    expect(answer(parse({ ...valid, visibility: SECRET }))).toEqual({
      status: 422,
      code: 'INVALID_ENUM_VALUE',
      detail: "The 'visibility' field must be one of 'private', 'public'.",
      errors: [
        {
          detail: "The 'visibility' field must be one of 'private', 'public'.",
          pointer: '#/visibility',
        },
      ],
    });
  });

  it('a literal is an allowed value of its own', () => {
    expect(answer(parse({ ...valid, kind: SECRET }))).toMatchObject({
      status: 422,
      code: 'INVALID_ENUM_VALUE',
      detail: "The 'kind' field must be 'dataset'.",
    });
  });

  it.each([
    [{ name: '' }, "The 'name' field must not be empty.", 'MISSING_REQUIRED_FIELD'],
    [
      { name: `${SECRET}-and-more-than-twenty` },
      "The 'name' field must be at most 20 characters long.",
      'INVALID_FIELD_VALUE',
    ],
    [{ size: 11 }, "The 'size' field must be <= 10.", 'INVALID_FIELD_VALUE'],
    [{ size: 0 }, "The 'size' field must be >= 1.", 'INVALID_FIELD_VALUE'],
    [{ email: SECRET }, "The 'email' field must be a valid email.", 'INVALID_FIELD_VALUE'],
    [
      { slug: SECRET },
      "The 'slug' field does not match the expected pattern.",
      'INVALID_FIELD_VALUE',
    ],
    [
      { tags: [{ label: 'a' }, { label: 'b' }, { label: 'c' }] },
      "The 'tags' field must have at most 2 items.",
      'INVALID_FIELD_VALUE',
    ],
  ])('%j → 422 with "%s"', (change, detail, code) => {
    expect(answer(parse({ ...valid, ...change }))).toMatchObject({ status: 422, code, detail });
  });

  it('a value of the wrong type → 400 VALIDATION_ERROR, as for Ajv', () => {
    expect(answer(parse({ ...valid, size: SECRET }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: "The 'size' field must be of type number.",
      errors: [{ pointer: '#/size' }],
    });
  });

  it('paths become RFC 6901 pointers: ~ and / escaped, array indexes kept', () => {
    const { errors } = answer(parse({ ...valid, 'a/b~c': 1, tags: [{ label: 2 }] }));
    expect(errors).toEqual([
      { detail: "The 'a/b~c' field must be of type string.", pointer: '#/a~1b~0c' },
      { detail: "The 'tags.0.label' field must be of type string.", pointer: '#/tags/0/label' },
    ]);
  });

  it('an unknown key of a strict object is named as not allowed', () => {
    expect(answer(parse({ ...valid, extra: SECRET }))).toMatchObject({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      errors: [{ detail: "The 'extra' field is not allowed.", pointer: '#/extra' }],
    });
  });

  it('lists every issue; the most relevant sets the code', () => {
    const { status, code, errors } = answer(
      parse({ ...valid, name: undefined, visibility: SECRET, size: 99 }),
    );
    expect({ status, code }).toEqual({ status: 422, code: 'MISSING_REQUIRED_FIELD' });
    expect(errors).toHaveLength(3);
  });

  it('a custom refinement is invalid, and its message is not shown', () => {
    const refined = z.object({ pin: z.string().refine(() => false, { message: `bad ${SECRET}` }) });
    expect(answer(thrownBy(() => refined.parse({ pin: SECRET })))).toMatchObject({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      detail: "The 'pin' field is invalid.",
    });
  });
});

describe('zod 4 specifics', () => {
  it('ZodError issues are not enumerable, and are read all the same', () => {
    const error = thrownBy(() => z4.object({ name: z4.string() }).parse({}));
    expect(Object.keys(error as object)).not.toContain('issues');
    expect(answer(error)).toMatchObject({ status: 422, code: 'MISSING_REQUIRED_FIELD' });
  });

  it('with reportInput, a missing value is told by its input, which is not shown', () => {
    const schema = z4.object({ name: z4.string(), size: z4.number() });
    const result = schema.safeParse({ size: SECRET }, { reportInput: true });
    expect(answer(result.error)).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      errors: [
        { detail: "The 'name' field is required.", pointer: '#/name' },
        { detail: "The 'size' field must be of type number.", pointer: '#/size' },
      ],
    });
  });

  it('zod/mini throws a ZodError too', () => {
    const error = thrownBy(() =>
      zm.parse(zm.object({ visibility: zm.enum(['a', 'b']) }), { visibility: SECRET }),
    );
    expect(answer(error)).toMatchObject({ status: 422, code: 'INVALID_ENUM_VALUE' });
  });
});

describe('zod 3 specifics', () => {
  it('the enum message quotes the value received; the answer does not', () => {
    const error = thrownBy(() => z3.object({ v: z3.enum(['a']) }).parse({ v: SECRET }));
    expect(JSON.stringify((error as { issues: unknown }).issues)).toContain(SECRET);
    expect(answer(error)).toMatchObject({ status: 422, code: 'INVALID_ENUM_VALUE' });
  });
});
