import { ProblemError } from '../problem-error.js';
import { lookup, read } from './reading.js';

/**
 * busboy's own errors for a form body it cannot read, as multer and other upload middleware pass
 * them on: plain `Error`s known by their exact message (busboy gives them no code). busboy
 * reports its limits as events, which multer turns into `MulterError`s.
 */
const malformed: Readonly<Record<string, string>> = {
  'Unexpected end of form': 'The multipart body ends before its closing boundary.',
  'Unexpected end of file': 'The multipart body ends inside a file.',
  'Malformed part header': 'A part of the multipart body has a malformed header.',
  'Multipart: Boundary not found': 'The multipart Content-Type has no boundary parameter.',
  'Malformed urlencoded form': 'The URL-encoded form body is malformed.',
};

export function fromBusboy(error: object): ProblemError | undefined {
  if (!(error instanceof Error) || error.constructor !== Error) return undefined;
  if (read(error, 'code') !== undefined) return undefined;
  const message = read(error, 'message');
  const detail = lookup(malformed, message);
  if (detail === undefined) return undefined;
  return new ProblemError('VALIDATION_ERROR', { detail, cause: error, captureStack: false });
}
