import multer from 'multer';
import { z } from 'zod';
import { z as z3 } from 'zod3';
import type { AnswerExpectation, Scenario } from '../scenario';
import { getSubject } from './requests';

/** What a client sent and the schema refused: no answer may show it. */
const REJECTED = 'rejected-value-4b1d';

function thrown(name: string, throws: () => unknown, expect: AnswerExpectation): Scenario {
  return { name, handler: { throws }, request: getSubject, expect };
}

/** What `parse` throws: the library's own error, as a handler would let it escape. */
function parsed(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    return error;
  }
  throw new Error('the schema accepted the input');
}

const missingName: AnswerExpectation = {
  status: 422,
  errorCode: 'MISSING_REQUIRED_FIELD',
  body: {
    title: 'Unprocessable Content',
    detail: "The 'name' field is required.",
    errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
  },
};

const notAllowed: AnswerExpectation = {
  status: 422,
  errorCode: 'INVALID_ENUM_VALUE',
  body: {
    detail: "The 'visibility' field must be one of 'private', 'public'.",
    errors: [
      {
        detail: "The 'visibility' field must be one of 'private', 'public'.",
        pointer: '#/visibility',
      },
    ],
  },
};

const zod4 = z.object({ name: z.string(), visibility: z.enum(['private', 'public']) });
const zod3 = z3.object({ name: z3.string(), visibility: z3.enum(['private', 'public']) });

/**
 * Errors of validation and upload libraries that carry no HTTP status, thrown by a handler: each
 * answered as its library meant, alike on every adapter, without the value the client sent.
 */
export const libraryErrors: readonly Scenario[] = [
  thrown(
    'throws a zod 4 ZodError: a missing field',
    () => parsed(() => zod4.parse({ visibility: 'public' })),
    missingName,
  ),
  thrown(
    'throws a zod 4 ZodError: a value outside the enum',
    () => parsed(() => zod4.parse({ name: 'a', visibility: REJECTED })),
    notAllowed,
  ),
  thrown(
    'throws a zod 3 ZodError: a missing field',
    () => parsed(() => zod3.parse({ visibility: 'public' })),
    missingName,
  ),
  thrown(
    'throws a zod 3 ZodError: a value outside the enum (its message quotes the value)',
    () => parsed(() => zod3.parse({ name: 'a', visibility: REJECTED })),
    notAllowed,
  ),
  thrown(
    'throws a zod ZodError: a wrong type at an escaped pointer',
    () => parsed(() => z.object({ 'a/b~c': z.number() }).parse({ 'a/b~c': REJECTED })),
    {
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      body: {
        title: 'Bad Request',
        errors: [{ detail: "The 'a/b~c' field must be of type number.", pointer: '#/a~1b~0c' }],
      },
    },
  ),
  thrown(
    "throws multer's MulterError LIMIT_FILE_SIZE",
    () => new multer.MulterError('LIMIT_FILE_SIZE', 'avatar'),
    {
      status: 413,
      errorCode: 'PAYLOAD_TOO_LARGE',
      body: {
        title: 'Content Too Large',
        detail: 'An uploaded file is larger than the server accepts.',
      },
      absentMembers: ['errors'],
    },
  ),
  thrown(
    "throws multer's MulterError LIMIT_UNEXPECTED_FILE",
    () => new multer.MulterError('LIMIT_UNEXPECTED_FILE', 'document'),
    {
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      body: {
        detail: 'The upload has a file in a field that takes no more files.',
        errors: [
          {
            detail: 'The upload has a file in a field that takes no more files.',
            pointer: '#/document',
          },
        ],
      },
    },
  ),
];
