import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  validate,
  validateOrReject,
} from 'class-validator';
import { answer, caught, SECRET } from './answer';

// Decorators applied as functions: the same metadata `@IsString()` records.
class Address {
  city?: unknown;
}
IsString()(Address.prototype, 'city');

class CreateDataset {
  name?: unknown;
  email?: unknown;
  visibility?: unknown;
  size?: unknown;
  slug?: unknown;
  summary?: unknown;
  address?: unknown;
}
IsString()(CreateDataset.prototype, 'name');
IsNotEmpty()(CreateDataset.prototype, 'name');
IsEmail()(CreateDataset.prototype, 'email');
IsIn(['private', 'public'])(CreateDataset.prototype, 'visibility');
IsInt()(CreateDataset.prototype, 'size');
Matches(/^[a-z]+$/)(CreateDataset.prototype, 'slug');
MaxLength(10)(CreateDataset.prototype, 'summary');
ValidateNested()(CreateDataset.prototype, 'address');

function dataset(values: Partial<CreateDataset>): CreateDataset {
  const valid = {
    name: 'a',
    email: 'a@example.com',
    visibility: 'public',
    size: 1,
    slug: 'a',
    summary: 'short',
    address: Object.assign(new Address(), { city: 'x' }),
  };
  return Object.assign(new CreateDataset(), valid, values);
}

describe('class-validator: ValidationError[]', () => {
  it('validateOrReject: a missing property → 422 MISSING_REQUIRED_FIELD', async () => {
    const error = await caught(() => validateOrReject(dataset({ name: undefined })));
    expect(answer(error)).toEqual({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field is required.",
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('an empty string counts as missing (IsNotEmpty)', async () => {
    const error = await caught(() => validateOrReject(dataset({ name: '' })));
    expect(answer(error)).toMatchObject({
      status: 422,
      code: 'MISSING_REQUIRED_FIELD',
      detail: "The 'name' field must not be empty.",
    });
  });

  it('each rule by its constraint name; messages (which may quote the value) are not shown', async () => {
    const errors = await validate(
      dataset({ email: SECRET, visibility: SECRET, slug: SECRET, summary: `${SECRET}${SECRET}` }),
    );
    expect(answer(errors)).toEqual({
      status: 422,
      code: 'INVALID_ENUM_VALUE',
      detail: "The 'visibility' field must be one of the allowed values.",
      errors: [
        { detail: "The 'email' field must be a valid email.", pointer: '#/email' },
        {
          detail: "The 'visibility' field must be one of the allowed values.",
          pointer: '#/visibility',
        },
        { detail: "The 'slug' field does not match the expected pattern.", pointer: '#/slug' },
        { detail: "The 'summary' field is invalid.", pointer: '#/summary' },
      ],
    });
  });

  it('a wrong type → 400 VALIDATION_ERROR; nested children at their pointers', async () => {
    const errors = await validate(
      dataset({ size: SECRET, address: Object.assign(new Address(), { city: 5 }) }),
    );
    expect(answer(errors)).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: "The 'size' field must be of type integer.",
      errors: [
        { detail: "The 'size' field must be of type integer.", pointer: '#/size' },
        { detail: "The 'address.city' field must be of type string.", pointer: '#/address/city' },
      ],
    });
  });

  it('forbidNonWhitelisted: an unknown property is not allowed', async () => {
    const input = Object.assign(dataset({}), { role: SECRET });
    const error = await caught(() =>
      validateOrReject(input, { whitelist: true, forbidNonWhitelisted: true }),
    );
    expect(answer(error)).toMatchObject({
      status: 422,
      errors: [{ detail: "The 'role' field is not allowed.", pointer: '#/role' }],
    });
  });

  it('an empty list is not a validation failure', () => {
    expect(answer([]).status).toBe(500);
  });
});
