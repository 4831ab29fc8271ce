import { requireEsmPackage } from '@faultline/test-support';
import { FormatRegistry, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type * as TypeBox1 from 'typebox';
import type * as TypeBox1Compile from 'typebox/compile';
import type * as TypeBox1Value from 'typebox/value';
import { answer, SECRET, thrownBy } from './answer';

describe('TypeBox 0.34 (@sinclair/typebox)', () => {
  FormatRegistry.Set('email', (value) => /^[^@\s]+@[^@\s]+$/.test(value));
  const schema = Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 20 }),
      visibility: Type.Union([Type.Literal('private'), Type.Literal('public')]),
      size: Type.Integer({ minimum: 1, maximum: 10 }),
      ratio: Type.Number({ exclusiveMaximum: 1 }),
      email: Type.String({ format: 'email' }),
      'a/b~c': Type.Boolean(),
      tags: Type.Array(Type.String(), { maxItems: 2 }),
      kind: Type.Literal('dataset'),
    },
    { additionalProperties: false },
  );
  const valid = {
    name: 'a',
    visibility: 'public',
    size: 2,
    ratio: 0.5,
    email: 'a@b.c',
    'a/b~c': true,
    tags: [],
    kind: 'dataset',
  };

  it('Value.Assert: AssertError carries the first failure, a missing property at its own pointer', () => {
    const { name: _, ...rest } = valid;
    expect(answer(thrownBy(() => Value.Assert(schema, rest)))).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('Value.Parse throws the same', () => {
    const { name: _, ...rest } = valid;
    expect(answer(thrownBy(() => Value.Parse(schema, rest))).code).toBe('MISSING_REQUIRED_FIELD');
  });

  it('Value.Errors, thrown as a list: every failure, never the value', () => {
    const input = {
      ...valid,
      name: '',
      visibility: SECRET,
      size: 11,
      ratio: 1,
      'a/b~c': SECRET,
      tags: ['a', 'b', SECRET],
      kind: SECRET,
      extra: SECRET,
    };
    expect(answer([...Value.Errors(schema, input)])).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: "The 'a/b~c' field must be of type boolean.",
      errors: [
        { detail: "The 'extra' field is not allowed.", pointer: '#/extra' },
        { detail: "The 'name' field must not be empty.", pointer: '#/name' },
        {
          detail: "The 'visibility' field must be one of 'private', 'public'.",
          pointer: '#/visibility',
        },
        { detail: "The 'size' field must be <= 10.", pointer: '#/size' },
        { detail: "The 'ratio' field must be < 1.", pointer: '#/ratio' },
        { detail: "The 'a/b~c' field must be of type boolean.", pointer: '#/a~1b~0c' },
        { detail: "The 'tags' field must have at most 2 items.", pointer: '#/tags' },
        { detail: "The 'kind' field must be 'dataset'.", pointer: '#/kind' },
      ],
    });
  });

  it("a compiled checker's Errors, thrown as a list", () => {
    const checker = TypeCompiler.Compile(schema);
    expect(answer([...checker.Errors({ ...valid, email: SECRET })])).toMatchObject({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      errors: [{ detail: "The 'email' field must be a valid email.", pointer: '#/email' }],
    });
  });

  it("a compiled checker's Decode throws TransformDecodeCheckError, recognised too", () => {
    const checker = TypeCompiler.Compile(schema);
    expect(answer(thrownBy(() => checker.Decode({ ...valid, size: 0 })))).toMatchObject({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      detail: "The 'size' field must be >= 1.",
    });
  });
});

describe('TypeBox 1.x (typebox)', () => {
  // TypeBox 1.x ships ES modules only.
  const { default: Type1 } = requireEsmPackage<typeof TypeBox1>('typebox', __dirname);
  const { default: Value1 } = requireEsmPackage<typeof TypeBox1Value>('typebox/value', __dirname);
  const { Compile } = requireEsmPackage<typeof TypeBox1Compile>('typebox/compile', __dirname);
  const schema = Type1.Object(
    {
      name: Type1.String({ minLength: 1 }),
      email: Type1.String({ format: 'email' }),
      visibility: Type1.Union([Type1.Literal('private'), Type1.Literal('public')]),
      size: Type1.Integer({ maximum: 10 }),
      'a/b~c': Type1.String(),
    },
    { additionalProperties: false },
  );

  it('Value.Assert: requiredProperties become one missing field each, at its own pointer', () => {
    const error = thrownBy(() =>
      Value1.Assert(schema, { visibility: 'public', size: 1, 'a/b~c': 'x' }),
    );
    expect(answer(error)).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [
        { detail: "The 'name' field is required.", pointer: '#/name' },
        { detail: "The 'email' field is required.", pointer: '#/email' },
      ],
    });
  });

  it('Value.Errors: a union of literals is an enum; additional properties are named once', () => {
    const input = {
      name: 'a',
      email: 'a@b.c',
      visibility: SECRET,
      size: 11,
      'a/b~c': 'x',
      extra: SECRET,
    };
    expect(answer(Value1.Errors(schema, input))).toEqual({
      status: 422,
      code: 'INVALID_ENUM_VALUE',
      detail: "The 'visibility' field must be one of 'private', 'public'.",
      errors: [
        { detail: "The 'extra' field is not allowed.", pointer: '#/extra' },
        {
          detail: "The 'visibility' field must be one of 'private', 'public'.",
          pointer: '#/visibility',
        },
        { detail: "The 'size' field must be <= 10.", pointer: '#/size' },
      ],
    });
  });

  it('a compiled validator: Parse throws its first failure, Errors can be thrown as a list', () => {
    const validator = Compile(schema);
    const input = { name: '', email: 'a@b.c', visibility: 'public', size: 1, 'a/b~c': 5 };
    expect(answer(thrownBy(() => validator.Parse(input)))).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field must not be empty.",
      errors: [{ detail: "The 'name' field must not be empty.", pointer: '#/name' }],
    });
    expect(answer(validator.Errors(input))).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      errors: [
        { detail: "The 'name' field must not be empty.", pointer: '#/name' },
        { detail: "The 'a/b~c' field must be of type string.", pointer: '#/a~1b~0c' },
      ],
    });
  });

  it('Value.Parse: an additional property, reported as its false schema', () => {
    const input = {
      name: 'a',
      email: 'a@b.c',
      visibility: 'public',
      size: 1,
      'a/b~c': 'x',
      extra: SECRET,
    };
    expect(answer(thrownBy(() => Value1.Parse(schema, input)))).toEqual({
      status: 422,
      code: 'INVALID_FIELD_VALUE',
      detail: "The 'extra' field is not allowed.",
      errors: [{ detail: "The 'extra' field is not allowed.", pointer: '#/extra' }],
    });
  });
});
