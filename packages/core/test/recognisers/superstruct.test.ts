import { assert, enums, number, object, size, string } from 'superstruct';
import { answer, SECRET, thrownBy } from './answer';

const schema = object({
  name: string(),
  visibility: enums(['private', 'public']),
  size: size(number(), 1, 10),
});
const valid = { name: 'a', visibility: 'public', size: 1 };

describe('Superstruct: StructError from assert()', () => {
  it.each([
    [{ name: undefined }, 422, 'MISSING_REQUIRED_FIELD', "The 'name' field is required."],
    [{ name: 5 }, 400, 'VALIDATION_ERROR', "The 'name' field must be of type string."],
    [
      { visibility: SECRET },
      422,
      'INVALID_ENUM_VALUE',
      "The 'visibility' field must be one of the allowed values.",
    ],
    [{ size: 11 }, 422, 'INVALID_FIELD_VALUE', "The 'size' field is invalid."],
    [{ extra: SECRET }, 422, 'INVALID_FIELD_VALUE', "The 'extra' field is not allowed."],
  ])('%j → %i %s', (change, status, code, detail) => {
    const error = thrownBy(() => assert({ ...valid, ...change }, schema));
    expect(answer(error)).toMatchObject({ status, code, detail, errors: [{ detail }] });
  });
});
