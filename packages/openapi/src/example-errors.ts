import type { DefaultErrorCode } from '@faultline/core';
import { validationProblem } from '@faultline/core';
import {
  bodyTooLarge,
  JSON_MEDIA_TYPES,
  malformedJson,
  methodNotAllowed,
  rateLimited,
  routeNotFound,
  unsupportedMediaType,
} from '@faultline/core/adapter';

/**
 * What the adapters really throw for the default codes that have a typical occurrence: the
 * examples show the detail, `errors` and headers a client will see. Other codes are shown as a
 * bare `ProblemError` of the code.
 */
export const typicalErrors: Partial<Record<DefaultErrorCode, () => Error>> = {
  VALIDATION_ERROR: () => malformedJson('{"name": "quarterly", }'),
  INVALID_ID: () => validationProblem([{ pointer: '/id', keyword: 'pattern' }], 'params'),
  RESOURCE_NOT_FOUND: () => routeNotFound(),
  METHOD_NOT_ALLOWED: () => methodNotAllowed('PUT', ['GET', 'HEAD', 'POST']),
  PAYLOAD_TOO_LARGE: () => bodyTooLarge(102_400),
  UNSUPPORTED_MEDIA_TYPE: () => unsupportedMediaType(JSON_MEDIA_TYPES, 'POST'),
  MISSING_REQUIRED_FIELD: () =>
    validationProblem([{ pointer: '', keyword: 'required', params: { missingProperty: 'name' } }]),
  INVALID_FIELD_VALUE: () =>
    validationProblem([{ pointer: '/name', keyword: 'maxLength', params: { limit: 100 } }]),
  INVALID_ENUM_VALUE: () =>
    validationProblem([
      {
        pointer: '/visibility',
        keyword: 'enum',
        params: { allowedValues: ['private', 'public'] },
      },
    ]),
  RATE_LIMIT_EXCEEDED: () => rateLimited(60),
};
