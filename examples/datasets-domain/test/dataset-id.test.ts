import {
  decodeDatasetId,
  encodeDatasetId,
  InvalidDatasetIdError,
} from '@faultline-examples/datasets-domain';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same bytes, spelt with the unused low bits of the last character set. */
function withSpareBitsSet(id: string): string {
  const last = alphabet.indexOf(id.at(-1)!);
  return id.slice(0, -1) + alphabet[last | 1];
}

describe('dataset ids', () => {
  test('the spare-bits spelling decodes to the same bytes', () => {
    const id = encodeDatasetId('ab');
    expect(withSpareBitsSet(id)).not.toBe(id);
    expect(Buffer.from(withSpareBitsSet(id), 'base64url')).toEqual(Buffer.from(id, 'base64url'));
  });

  test('are the base64url encoding of dataset-<suffix>, without padding', () => {
    expect(encodeDatasetId('test')).toBe('ZGF0YXNldC10ZXN0');
    expect(decodeDatasetId('ZGF0YXNldC10ZXN0')).toBe('test');
  });

  test('round-trip a UUID suffix', () => {
    const suffix = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(decodeDatasetId(encodeDatasetId(suffix))).toBe(suffix);
  });

  test.each([
    ['not base64url', 'not an id'],
    ['another prefix', Buffer.from('project-7').toString('base64url')],
    ['an empty suffix', Buffer.from('dataset-').toString('base64url')],
    ['padding', `${encodeDatasetId('ab')}==`],
    ['standard base64 characters', Buffer.from('dataset-??>').toString('base64')],
    ['a suffix with a slash', Buffer.from('dataset-a/b').toString('base64url')],
    ['a non-canonical spelling (spare bits set)', withSpareBitsSet(encodeDatasetId('ab'))],
    ['an overlong id', encodeDatasetId('x'.repeat(200))],
  ])('refuse %s', (_what, id) => {
    expect(() => decodeDatasetId(id)).toThrow(InvalidDatasetIdError);
  });

  test('name the id in the error only when it is short and plain', () => {
    expect(() => decodeDatasetId('not-an-id')).toThrow("'not-an-id' is not a valid dataset ID.");
    expect(() => decodeDatasetId('<script>')).toThrow(/^The dataset ID is not valid\.$/);
  });
});
