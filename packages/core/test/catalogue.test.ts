import {
  type DefaultErrorCode,
  defaultCatalogue,
  defineProblems,
  ProblemError,
} from '@faultline/core';

/** The reference document's tables, as the project's own fixture. */
const referenceCodes: Record<string, number> = {
  VALIDATION_ERROR: 400,
  MISSING_REQUIRED_FIELD: 422,
  INVALID_FIELD_VALUE: 422,
  INVALID_ENUM_VALUE: 422,
  INVALID_ID: 400,
  RESOURCE_NOT_FOUND: 404,
  RESOURCE_ALREADY_EXISTS: 409,
  ACCESS_DENIED: 403,
  AUTHENTICATION_REQUIRED: 401,
  INVALID_CREDENTIALS: 401,
  RATE_LIMIT_EXCEEDED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
};

const referenceTypes: [number, string, string][] = [
  [400, 'Bad Request', 'invalid-request'],
  [401, 'Unauthorized', 'authentication-required'],
  [403, 'Forbidden', 'access-forbidden'],
  [404, 'Not Found', 'resource-not-found'],
  [405, 'Method Not Allowed', 'method-not-allowed'],
  [409, 'Conflict', 'resource-conflict'],
  [415, 'Unsupported Media Type', 'unsupported-media-type'],
  [422, 'Unprocessable Entity', 'validation-error'],
  [429, 'Too Many Requests', 'rate-limit-exceeded'],
  [500, 'Internal Server Error', 'internal-server-error'],
  [502, 'Bad Gateway', 'bad-gateway'],
  [503, 'Service Unavailable', 'service-unavailable'],
];

const base = 'https://arize.com/docs/ax/rest-reference/errors';
const { ProblemError: ReferenceProblemError } = defineProblems({ typeBase: base });

describe('the default catalogue', () => {
  it.each(Object.entries(referenceCodes))('defines %s with status %i', (code, status) => {
    expect(defaultCatalogue.codes[code as keyof typeof defaultCatalogue.codes]).toBe(status);
  });

  it('holds the reference codes, 413 for oversized bodies and the named server errors, and nothing else', () => {
    expect(Object.keys(defaultCatalogue.codes).sort()).toEqual(
      [
        ...Object.keys(referenceCodes),
        'PAYLOAD_TOO_LARGE',
        'INTERNAL_SERVER_ERROR',
        'BAD_GATEWAY',
        'SERVICE_UNAVAILABLE',
      ].sort(),
    );
  });

  it.each(referenceTypes)('gives status %i the title %s and slug %s', (status, title, slug) => {
    const type = defaultCatalogue.types[status as keyof typeof defaultCatalogue.types];
    expect(type).toMatchObject({ title, slug });
  });

  it('defines 413 as Content Too Large', () => {
    expect(defaultCatalogue.types[413]).toMatchObject({
      title: 'Content Too Large',
      slug: 'content-too-large',
    });
  });

  it.each(Object.entries(referenceCodes))(
    '%s resolves to <base>#<slug> with a base configured',
    (code, status) => {
      const [, title, slug] = referenceTypes.find(([s]) => s === status)!;
      const error = new ReferenceProblemError(code as DefaultErrorCode);
      expect({
        status: error.status,
        title: error.title,
        type: error.type,
        code: error.code,
      }).toEqual({
        status,
        title,
        type: `${base}#${slug}`,
        code,
      });
    },
  );

  it('answers about:blank with the reason phrase when no base is configured (RFC 9457 §4.2.1)', () => {
    const error = new ProblemError('INVALID_FIELD_VALUE');
    expect(error.type).toBe('about:blank');
    expect(error.title).toBe('Unprocessable Content');
  });
});
