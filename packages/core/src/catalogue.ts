/**
 * The default catalogue: the problem types and error codes every faultline API starts with, and
 * what each means to the caller, for the page every `type` URI points to.
 *
 * Each problem type is keyed by its HTTP status and names the error code used when an error
 * carries only a status (an `http-errors` 404 becomes `RESOURCE_NOT_FOUND`). Codes are the API:
 * `DefaultErrorCode` is derived from this object, never listed twice.
 */
export const defaultCatalogue = {
  types: {
    400: {
      slug: 'invalid-request',
      title: 'Bad Request',
      code: 'VALIDATION_ERROR',
      description:
        'The server could not read the request: its body, path or query is not in a form it understands.',
      causes: [
        'A JSON body that does not parse',
        'A value of the wrong JSON type, such as text where a number belongs',
        'An identifier in the path that is not in the expected format',
      ],
      fix: 'Correct the request as the detail (and each entry of errors) says before sending it again.',
      retryable: false,
    },
    401: {
      slug: 'authentication-required',
      title: 'Unauthorized',
      code: 'AUTHENTICATION_REQUIRED',
      description:
        'The request carries no credentials this server accepts: none at all, or ones that are no longer good.',
      causes: [
        'No Authorization header',
        'A key or token that expired or was revoked',
        'Credentials in a scheme or format the server does not read',
      ],
      fix: 'Send valid credentials in the Authorization header, as the WWW-Authenticate header describes; obtain new ones if they expired.',
      retryable: false,
    },
    403: {
      slug: 'access-forbidden',
      title: 'Forbidden',
      code: 'ACCESS_DENIED',
      description:
        'The caller is known, but is not allowed to do this to the resource. Sending the request again will not change that.',
      causes: ['A role or permission the credentials do not hold'],
      fix: 'Ask whoever administers your account for the permission the action needs, or act with credentials that hold it.',
      retryable: false,
    },
    404: {
      slug: 'resource-not-found',
      title: 'Not Found',
      code: 'RESOURCE_NOT_FOUND',
      description:
        'Nothing the caller may see exists at this URL. A resource the caller may not read is reported the same way, so that its existence is not revealed.',
      causes: [
        'A mistyped or stale identifier',
        'A resource that was deleted',
        'Credentials without read access to the resource',
      ],
      fix: 'Check the identifier and the URL; if the resource should exist, check that your credentials may read it.',
      retryable: false,
    },
    405: {
      slug: 'method-not-allowed',
      title: 'Method Not Allowed',
      code: 'METHOD_NOT_ALLOWED',
      description: 'The URL exists, but does not serve the HTTP method of the request.',
      causes: ['A method the endpoint does not offer, such as DELETE on a read-only collection'],
      fix: 'Use one of the methods listed in the Allow header of the response.',
      retryable: false,
    },
    409: {
      slug: 'resource-conflict',
      title: 'Conflict',
      code: 'RESOURCE_ALREADY_EXISTS',
      description:
        'The request cannot be carried out in the current state of the resource, most often because it would create a duplicate.',
      causes: [
        'Creating a resource whose unique name or identifier is already taken',
        'Changing a resource that someone else changed first',
      ],
      fix: 'Fetch the current state of the resource, then choose another name or apply the change to what is there now.',
      retryable: false,
    },
    413: {
      slug: 'content-too-large',
      title: 'Content Too Large',
      code: 'PAYLOAD_TOO_LARGE',
      description: 'The request body is larger than the server is willing to read.',
      causes: ['An upload or batch above the size limit the detail names'],
      fix: 'Send a smaller body, for instance by splitting a batch into several requests.',
      retryable: false,
    },
    415: {
      slug: 'unsupported-media-type',
      title: 'Unsupported Media Type',
      code: 'UNSUPPORTED_MEDIA_TYPE',
      description:
        'The request body is in a media type the endpoint does not read, or its Content-Type header is missing.',
      causes: [
        'No Content-Type header on a request with a body',
        'A form or text body sent to a JSON endpoint',
      ],
      fix: 'Send the body as JSON with Content-Type: application/json; the Accept header of the response lists what the endpoint reads.',
      retryable: false,
    },
    422: {
      slug: 'validation-error',
      title: 'Unprocessable Entity',
      code: 'INVALID_FIELD_VALUE',
      description:
        'The request was read, but its content breaks a rule of the endpoint: a field is missing, or a value is not one it accepts.',
      causes: [
        'A required field left out or sent empty',
        'A number outside its range, or text too long or in the wrong format',
        'A value outside the set of allowed values',
      ],
      fix: 'Correct the fields named by the JSON pointers in errors, then send the request again.',
      retryable: false,
    },
    429: {
      slug: 'rate-limit-exceeded',
      title: 'Too Many Requests',
      code: 'RATE_LIMIT_EXCEEDED',
      description: 'The caller sent more requests than it is allowed in the current time window.',
      causes: ['A burst of requests, or a loop that does not wait between attempts'],
      fix: 'Wait the number of seconds in the Retry-After header before sending the request again, and spread requests out.',
      retryable: true,
    },
    500: {
      slug: 'internal-server-error',
      title: 'Internal Server Error',
      code: 'INTERNAL_SERVER_ERROR',
      description:
        'The server failed in a way it did not expect. The request itself may well be correct.',
      fix: 'Send the request again later, waiting longer after each failure; report it if it keeps failing.',
      retryable: true,
    },
    502: {
      slug: 'bad-gateway',
      title: 'Bad Gateway',
      code: 'BAD_GATEWAY',
      description: 'A service the server depends on gave it an answer it could not use.',
      fix: 'Send the request again later, waiting longer after each failure.',
      retryable: true,
    },
    503: {
      slug: 'service-unavailable',
      title: 'Service Unavailable',
      code: 'SERVICE_UNAVAILABLE',
      description:
        'The server cannot take the request for now: it is overloaded, or down for maintenance.',
      fix: 'Send the request again later, after the Retry-After header when there is one, waiting longer after each failure.',
      retryable: true,
    },
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
  /** What each code means and what the caller does about it, by code. */
  documentation: {
    VALIDATION_ERROR: {
      description:
        'The body could not be read as the endpoint expects: it is not valid JSON, or a value has the wrong JSON type.',
      fix: 'Send well-formed JSON whose values have the types the endpoint documents.',
    },
    INVALID_ID: {
      description: 'An identifier in the URL is not in the format this kind of resource uses.',
      fix: 'Use an identifier exactly as the API returned it.',
    },
    AUTHENTICATION_REQUIRED: {
      description:
        'No credentials came with the request, or they are in a form the server does not read.',
      fix: 'Add an Authorization header with a key or token.',
    },
    INVALID_CREDENTIALS: {
      description: 'Credentials came with the request, but they are wrong, expired or revoked.',
      fix: 'Obtain new credentials (sign in again, or rotate the key) and retry with them.',
    },
    ACCESS_DENIED: {
      description: 'The credentials are valid but do not permit this action on this resource.',
      fix: 'Use credentials that hold the permission, or ask for it to be granted.',
    },
    RESOURCE_NOT_FOUND: {
      description: 'No resource the caller may read exists at this URL.',
      fix: 'Check the identifier, and that your credentials may read the resource.',
    },
    METHOD_NOT_ALLOWED: {
      description: 'The endpoint exists but does not take this HTTP method.',
      fix: 'Use a method from the Allow header.',
    },
    RESOURCE_ALREADY_EXISTS: {
      description: 'A resource with the same unique name or identifier is already there.',
      fix: 'Pick another name, or update the existing resource instead of creating one.',
    },
    PAYLOAD_TOO_LARGE: {
      description: 'The request body is over the size limit.',
      fix: 'Make the body smaller, or split it across requests.',
    },
    UNSUPPORTED_MEDIA_TYPE: {
      description:
        'The Content-Type header is missing, or names a media type the endpoint does not read.',
      fix: 'Send Content-Type: application/json with a JSON body.',
    },
    MISSING_REQUIRED_FIELD: {
      description: 'A field the endpoint requires is absent or empty; detail and errors name it.',
      fix: 'Add the field with a non-empty value.',
    },
    INVALID_FIELD_VALUE: {
      description:
        'A field is present, but its value is not acceptable: out of range, too long, or badly formatted.',
      fix: 'Change the value to meet the rule that detail and errors describe.',
    },
    INVALID_ENUM_VALUE: {
      description: 'A field holds a value outside its fixed set of allowed values.',
      fix: 'Use one of the values that detail lists.',
    },
    RATE_LIMIT_EXCEEDED: {
      description: 'Too many requests in the current window.',
      fix: 'Wait for Retry-After seconds, then retry.',
      retryable: true,
    },
    INTERNAL_SERVER_ERROR: {
      description: 'An unexpected failure on the server; the answer says nothing about its cause.',
      fix: 'Retry later with growing delays between attempts.',
      retryable: true,
    },
    BAD_GATEWAY: {
      description: 'An upstream service answered the server with something it could not use.',
      fix: 'Retry later with growing delays between attempts.',
      retryable: true,
    },
    SERVICE_UNAVAILABLE: {
      description: 'The server is overloaded or in maintenance.',
      fix: 'Retry after the Retry-After delay, or later with growing delays.',
      retryable: true,
    },
  },
} as const;

/** Every error code of the default catalogue. */
export type DefaultErrorCode = keyof typeof defaultCatalogue.codes;
