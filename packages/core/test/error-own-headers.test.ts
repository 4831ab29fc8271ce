import { createNormaliser, normalise, ProblemError } from '@faultline/core';
import Boom from '@hapi/boom';
import createHttpError from 'http-errors';

/**
 * The headers an error carries that a rule of the response decides on (`Allow`,
 * `WWW-Authenticate`, `Retry-After`): kept when valid for their header, whatever the case of
 * their names; dropped when not.
 */
describe("normalise: an error's own Allow", () => {
  it('keeps the Allow of an http-errors or Boom 405, as given', () => {
    const httpErrors = createHttpError(405, { headers: { Allow: 'GET, HEAD' } });
    expect(normalise(httpErrors).headers.Allow).toBe('GET, HEAD');
    expect(normalise(Boom.methodNotAllowed('No.', undefined, ['GET'])).headers.Allow).toBe('GET');
  });

  it('reads the name in any case, and sends it once', () => {
    const { headers } = normalise(createHttpError(405, { headers: { aLLoW: 'PUT' } }));
    expect(headers.Allow).toBe('PUT');
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'allow')).toEqual([
      'Allow',
    ]);
  });

  it('sends an empty Allow on a 405 whose own is not a list of methods', () => {
    expect(normalise(createHttpError(405, { headers: { Allow: 'GET; rm' } })).headers.Allow).toBe(
      '',
    );
  });

  it("prefers a ProblemError's allow to its Allow header", () => {
    const error = new ProblemError('METHOD_NOT_ALLOWED', {
      allow: ['POST'],
      headers: { Allow: 'PUT' },
    });
    expect(normalise(error).headers.Allow).toBe('POST');
  });

  it('keeps a valid Allow on another status, and uses allow only on a 405', () => {
    expect(normalise(createHttpError(409, { headers: { Allow: 'GET' } })).headers.Allow).toBe(
      'GET',
    );
    expect(
      normalise(new ProblemError('RESOURCE_ALREADY_EXISTS', { allow: ['GET'] })).headers,
    ).not.toHaveProperty('Allow');
  });
});

describe("normalise: an error's own Retry-After", () => {
  const date = 'Wed, 21 Oct 2026 07:28:00 GMT';

  it('keeps delay-seconds and an HTTP-date on a 503, 413 or 429', () => {
    expect(normalise(createHttpError(503, { headers: { 'Retry-After': date } })).headers).toEqual(
      expect.objectContaining({ 'Retry-After': date }),
    );
    expect(
      normalise(createHttpError(413, { headers: { 'retry-after': '30' } })).headers['Retry-After'],
    ).toBe('30');
    expect(
      normalise(createHttpError(429, { headers: { 'Retry-After': 7 } })).headers['Retry-After'],
    ).toBe('7');
  });

  it('drops an invalid one: a 503 says nothing, a 429 sends the configured default', () => {
    expect(
      normalise(createHttpError(503, { headers: { 'Retry-After': '' } })).headers,
    ).not.toHaveProperty('Retry-After');
    expect(
      createNormaliser({ retryAfter: 9 })(
        createHttpError(429, { headers: { 'Retry-After': '0x10' } }),
      ).headers['Retry-After'],
    ).toBe('9');
  });

  it("prefers a ProblemError's retryAfter to its Retry-After header", () => {
    const error = new ProblemError('SERVICE_UNAVAILABLE', {
      retryAfter: 5,
      headers: { 'Retry-After': date },
    });
    expect(normalise(error).headers['Retry-After']).toBe('5');
  });
});

describe("normalise: an error's own WWW-Authenticate", () => {
  const rejected = 'Bearer realm="Users", error="invalid_token"';

  it('keeps a valid challenge and answers a rejected token INVALID_CREDENTIALS', () => {
    const response = normalise(createHttpError(401, { headers: { 'WWW-Authenticate': rejected } }));
    expect(response.headers['WWW-Authenticate']).toBe(rejected);
    expect(response.body.error_code).toBe('INVALID_CREDENTIALS');
  });

  it('answers a challenge with no error AUTHENTICATION_REQUIRED', () => {
    const response = normalise(Boom.unauthorized(null, 'Basic', { realm: 'files' }));
    expect(response.headers['WWW-Authenticate']).toBe('Basic realm="files"');
    expect(response.body.error_code).toBe('AUTHENTICATION_REQUIRED');
  });

  it('reads the error Boom.unauthorized writes into its challenge', () => {
    const response = normalise(Boom.unauthorized('invalid_token', 'Bearer'));
    expect(response.headers['WWW-Authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.body.error_code).toBe('INVALID_CREDENTIALS');
  });

  it('joins a list of challenges', () => {
    const headers = { 'WWW-Authenticate': ['Basic realm="a"', 'Bearer error="invalid_token"'] };
    const response = normalise({ status: 401, headers });
    expect(response.headers['WWW-Authenticate']).toBe(
      'Basic realm="a", Bearer error="invalid_token"',
    );
    expect(response.body.error_code).toBe('INVALID_CREDENTIALS');
  });

  it('replaces one that is not a challenge with its own', () => {
    const response = createNormaliser({ challenge: { realm: 'api' } })(
      createHttpError(401, { headers: { 'www-authenticate': 'Bearer realm="unclosed' } }),
    );
    expect(response.headers['WWW-Authenticate']).toBe('Bearer realm="api"');
    expect(Object.keys(response.headers)).not.toContain('www-authenticate');
    expect(response.body.error_code).toBe('AUTHENTICATION_REQUIRED');
  });

  it('keeps a valid challenge on a 403 (RFC 6750 insufficient_scope)', () => {
    const challenge = 'Bearer error="insufficient_scope", scope="datasets:write"';
    const response = normalise(
      createHttpError(403, { headers: { 'WWW-Authenticate': challenge } }),
    );
    expect(response.headers['WWW-Authenticate']).toBe(challenge);
    expect(response.body.error_code).toBe('ACCESS_DENIED');
  });

  it("keeps a code of the error's own over what its challenge says", () => {
    const error = Object.assign(createHttpError(401), {
      code: 'AUTHENTICATION_REQUIRED',
      headers: { 'WWW-Authenticate': rejected },
    });
    expect(normalise(error).body.error_code).toBe('AUTHENTICATION_REQUIRED');
  });
});

describe('normalise: hostile header values', () => {
  it('answers a 401 whose list of challenges cannot be read with its own challenge', () => {
    const hostile = new Proxy(['Bearer'], {
      get(target, key) {
        if (key === 'length' || key === '0') throw new Error('no');
        return Reflect.get(target, key);
      },
    });
    const response = normalise({ status: 401, headers: { 'WWW-Authenticate': hostile } });
    expect(response.status).toBe(401);
    expect(response.headers['WWW-Authenticate']).toBe('Bearer');
  });

  it('never sends a header value that could split the response', () => {
    const response = normalise(
      createHttpError(401, {
        headers: { 'WWW-Authenticate': 'Bearer\r\nSet-Cookie: a=b', 'Retry-After': '1\n2' },
      }),
    );
    expect(Object.values(response.headers).join('')).not.toMatch(/[\r\n]/);
    expect(response.headers['WWW-Authenticate']).toBe('Bearer');
  });
});
