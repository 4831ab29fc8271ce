import { isProblemError, type ProblemError } from '../problem-error.js';
import { isErrorStatus } from '../status.js';
import { fromAjvErrors } from './ajv-errors.js';
import { fromBusboy } from './busboy.js';
import { fromCelebrate } from './celebrate.js';
import { fromClassValidator } from './class-validator.js';
import { fromExpressValidator } from './express-validator.js';
import { fromJoi } from './joi.js';
import { fromMulter } from './multer.js';
import { read } from './reading.js';
import { fromSuperstruct } from './superstruct.js';
import { fromTypeBox } from './typebox.js';
import { fromValibot } from './valibot.js';
import { fromYup } from './yup.js';
import { fromZod } from './zod.js';

/**
 * The errors of the validation and upload libraries Express and Fastify APIs use, which carry
 * no HTTP status of their own, recognised by their shape (none of these libraries is a
 * dependency). Each recogniser returns the problem its library meant, or nothing.
 */
const recognisers: readonly ((error: object) => ProblemError | undefined)[] = [
  fromZod,
  fromValibot,
  fromJoi,
  fromCelebrate,
  fromYup,
  fromExpressValidator,
  fromClassValidator,
  fromTypeBox,
  fromAjvErrors,
  fromSuperstruct,
  fromMulter,
  fromBusboy,
];

/**
 * The problem a library's error stands for, or `undefined` for anything else: values that say
 * their own status (a `ProblemError`, Boom, `status` or `statusCode`) are left to the normaliser.
 * Never throws: a value that cannot be read (a throwing getter, a revoked Proxy) is not
 * recognised.
 */
export function recogniseLibraryError(value: unknown): ProblemError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    if (
      isProblemError(value) ||
      read(value, 'isBoom') === true ||
      isErrorStatus(read(value, 'status')) ||
      isErrorStatus(read(value, 'statusCode'))
    ) {
      return undefined;
    }
    for (const recognise of recognisers) {
      const problem = recognise(value);
      if (problem !== undefined) return problem;
    }
  } catch {
    // What cannot be read is not a library's error.
  }
  return undefined;
}
