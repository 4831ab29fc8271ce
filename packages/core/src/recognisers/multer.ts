import { ProblemError } from '../problem-error.js';
import { type ValidationErrorEntry, validationProblem } from '../validation.js';
import { lookup, read, text } from './reading.js';

/**
 * multer's `MulterError`: a limit of the upload (413) or a part the route does not take (400).
 * `field` is the form field's name, kept as a pointer; `filename` (the client's file name) and
 * the message are not shown.
 */

const tooLarge: Readonly<Record<string, string>> = {
  LIMIT_FILE_SIZE: 'An uploaded file is larger than the server accepts.',
  LIMIT_FILE_COUNT: 'The upload has more files than the server accepts.',
  LIMIT_PART_COUNT: 'The upload has more parts than the server accepts.',
  LIMIT_FIELD_COUNT: 'The upload has more fields than the server accepts.',
  LIMIT_FIELD_KEY: 'A field name of the upload is longer than the server accepts.',
  LIMIT_FIELD_VALUE: 'A field value of the upload is longer than the server accepts.',
};

const refused: Readonly<Record<string, string>> = {
  LIMIT_UNEXPECTED_FILE: 'The upload has a file in a field that takes no more files.',
  MISSING_FIELD_NAME: 'A part of the upload has no field name.',
  INVALID_FIELD_NAME: 'A field name of the upload is not valid.',
  LIMIT_FIELD_NESTING: 'A field name of the upload nests deeper than the server accepts.',
  LIMIT_FIELD_ARRAY_INDEX:
    'A field name of the upload has an array index larger than the server accepts.',
};

/** `#/<field>`, written as every validation pointer is (RFC 6901 in URI-fragment form). */
function pointerTo(field: string): string | undefined {
  const { extensions } = validationProblem([{ path: [field], keyword: 'invalid' }]);
  const [entry] = (extensions?.errors ?? []) as readonly ValidationErrorEntry[];
  return entry?.pointer;
}

export function fromMulter(error: object): ProblemError | undefined {
  if (read(error, 'name') !== 'MulterError') return undefined;
  const code = text(read(error, 'code'));
  if (code === undefined) return undefined;
  const large = lookup(tooLarge, code);
  if (large !== undefined) {
    return new ProblemError('PAYLOAD_TOO_LARGE', {
      detail: large,
      cause: error,
      captureStack: false,
    });
  }
  const detail = lookup(refused, code);
  if (detail === undefined) return undefined;
  const field = text(read(error, 'field'));
  return new ProblemError('VALIDATION_ERROR', {
    detail,
    ...(field === undefined
      ? {}
      : { extensions: { errors: [{ detail, pointer: pointerTo(field) }] } }),
    cause: error,
    captureStack: false,
  });
}
