import { InvalidDatasetIdError } from './dataset-errors.js';

const prefix = 'dataset-';
const base64url = /^[A-Za-z0-9_-]+$/;
const suffixPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The public id of a dataset: `dataset-<suffix>`, base64url-encoded without padding.
 *
 * @example encodeDatasetId('test') // 'ZGF0YXNldC10ZXN0'
 */
export function encodeDatasetId(suffix: string): string {
  return Buffer.from(`${prefix}${suffix}`, 'utf8').toString('base64url');
}

/**
 * The suffix inside a public id.
 *
 * @example decodeDatasetId('ZGF0YXNldC10ZXN0') // 'test'
 * @throws InvalidDatasetIdError when `id` is not the canonical encoding of `dataset-<suffix>`
 */
export function decodeDatasetId(id: string): string {
  if (id.length > 128 || !base64url.test(id)) throw new InvalidDatasetIdError(id);
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const suffix = decoded.startsWith(prefix) ? decoded.slice(prefix.length) : '';
  // Only the canonical spelling is an id, so one dataset never has two.
  if (!suffixPattern.test(suffix) || encodeDatasetId(suffix) !== id) {
    throw new InvalidDatasetIdError(id);
  }
  return suffix;
}
