/**
 * The default catalogue: the problem types and error codes every faultline API starts with.
 *
 * Each problem type is keyed by its HTTP status and names the error code used when an error
 * carries only a status (an `http-errors` 404 becomes `RESOURCE_NOT_FOUND`). Codes are the API:
 * `DefaultErrorCode` is derived from this object, never listed twice.
 */
export const defaultCatalogue = {
  types: {
    400: { slug: 'invalid-request', title: 'Bad Request', code: 'VALIDATION_ERROR' },
    401: {
      slug: 'authentication-required',
      title: 'Unauthorized',
      code: 'AUTHENTICATION_REQUIRED',
    },
    403: { slug: 'access-forbidden', title: 'Forbidden', code: 'ACCESS_DENIED' },
    404: { slug: 'resource-not-found', title: 'Not Found', code: 'RESOURCE_NOT_FOUND' },
    405: { slug: 'method-not-allowed', title: 'Method Not Allowed', code: 'METHOD_NOT_ALLOWED' },
    409: { slug: 'resource-conflict', title: 'Conflict', code: 'RESOURCE_ALREADY_EXISTS' },
    413: { slug: 'content-too-large', title: 'Content Too Large', code: 'PAYLOAD_TOO_LARGE' },
    415: {
      slug: 'unsupported-media-type',
      title: 'Unsupported Media Type',
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    422: { slug: 'validation-error', title: 'Unprocessable Entity', code: 'INVALID_FIELD_VALUE' },
    429: { slug: 'rate-limit-exceeded', title: 'Too Many Requests', code: 'RATE_LIMIT_EXCEEDED' },
    500: {
      slug: 'internal-server-error',
      title: 'Internal Server Error',
      code: 'INTERNAL_SERVER_ERROR',
    },
    502: { slug: 'bad-gateway', title: 'Bad Gateway', code: 'BAD_GATEWAY' },
    503: { slug: 'service-unavailable', title: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE' },
  },
  codes: {
    VALIDATION_ERROR: 400,
    INVALID_ID: 400,
    AUTHENTICATION_REQUIRED: 401,
    INVALID_CREDENTIALS: 401,
    ACCESS_DENIED: 403,
    RESOURCE_NOT_FOUND: 404,
    METHOD_NOT_ALLOWED: 405,
    RESOURCE_ALREADY_EXISTS: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    MISSING_REQUIRED_FIELD: 422,
    INVALID_FIELD_VALUE: 422,
    INVALID_ENUM_VALUE: 422,
    RATE_LIMIT_EXCEEDED: 429,
    INTERNAL_SERVER_ERROR: 500,
    BAD_GATEWAY: 502,
    SERVICE_UNAVAILABLE: 503,
  },
} as const;

/** Every error code of the default catalogue. */
export type DefaultErrorCode = keyof typeof defaultCatalogue.codes;
