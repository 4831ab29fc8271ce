import type { DefaultErrorCode, ErrorMapper, ProblemErrorClass } from '@faultline/core';
import {
  AuthenticationRequiredError,
  DatasetNameTakenError,
  DatasetNotFoundError,
  InvalidCredentialsError,
  InvalidDatasetIdError,
  PermissionDeniedError,
} from './dataset-errors.js';

const codes = new Map<abstract new (...args: never[]) => Error, DefaultErrorCode>([
  [AuthenticationRequiredError, 'AUTHENTICATION_REQUIRED'],
  [InvalidCredentialsError, 'INVALID_CREDENTIALS'],
  [InvalidDatasetIdError, 'INVALID_ID'],
  [DatasetNotFoundError, 'RESOURCE_NOT_FOUND'],
  [PermissionDeniedError, 'ACCESS_DENIED'],
  [DatasetNameTakenError, 'RESOURCE_ALREADY_EXISTS'],
]);

/**
 * The one place where the domain's errors become problems: each error's message is written for
 * the client, so it becomes the `detail`. Anything else is passed on (and a plain `Error` ends as
 * a 500 that shows nothing of it).
 *
 * @example problemHandlers({ mappers: [datasetErrorMapper(problems.ProblemError)] })
 */
export function datasetErrorMapper(ProblemError: ProblemErrorClass<DefaultErrorCode>): ErrorMapper {
  return function mapDatasetError(error) {
    if (!(error instanceof Error)) return undefined;
    const code = codes.get(error.constructor as abstract new (...args: never[]) => Error);
    if (code === undefined) return undefined;
    // Expected client errors: the domain error is the cause, a stack of our own adds nothing.
    return new ProblemError(code, { detail: error.message, cause: error, captureStack: false });
  };
}
