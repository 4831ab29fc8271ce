import { normalise } from '@faultline/core';

/** Errors shaped as express-jwt and @fastify/jwt raise them (the libraries are tested live in the adapters). */
function expressJwtError(code: string, message: string) {
  return Object.assign(new Error(message), { name: 'UnauthorizedError', code, status: 401 });
}

function fastifyError(code: string, message: string, statusCode: number) {
  return Object.assign(new Error(message), { name: 'FastifyError', code, statusCode });
}

describe('normalise: failed authentication', () => {
  it.each([
    ['credentials_required', 'AUTHENTICATION_REQUIRED', 'Bearer'],
    ['credentials_bad_scheme', 'AUTHENTICATION_REQUIRED', 'Bearer'],
    ['credentials_bad_format', 'AUTHENTICATION_REQUIRED', 'Bearer'],
    ['invalid_token', 'INVALID_CREDENTIALS', 'Bearer error="invalid_token"'],
    ['revoked_token', 'INVALID_CREDENTIALS', 'Bearer error="invalid_token"'],
  ])('answers express-jwt %s with %s and %s', (code, errorCode, challenge) => {
    const response = normalise(expressJwtError(code, 'jwt audience invalid. expected: secret-aud'));
    expect(response.status).toBe(401);
    expect(response.body.error_code).toBe(errorCode);
    expect(response.headers['WWW-Authenticate']).toBe(challenge);
    expect(JSON.stringify(response.body)).not.toContain('secret-aud');
  });

  it('leaves an UnauthorizedError of another code to its status', () => {
    const response = normalise(expressJwtError('something_else', 'x'));
    expect(response.body.error_code).toBe('AUTHENTICATION_REQUIRED');
    expect(response.body).not.toHaveProperty('detail');
  });

  it.each([
    ['FST_JWT_NO_AUTHORIZATION_IN_HEADER', 'AUTHENTICATION_REQUIRED'],
    ['FST_JWT_NO_AUTHORIZATION_IN_COOKIE', 'AUTHENTICATION_REQUIRED'],
    ['FST_JWT_AUTHORIZATION_TOKEN_EXPIRED', 'INVALID_CREDENTIALS'],
    ['FST_JWT_AUTHORIZATION_TOKEN_INVALID', 'INVALID_CREDENTIALS'],
    ['FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED', 'INVALID_CREDENTIALS'],
    ['FAST_JWT_MISSING_SIGNATURE', 'INVALID_CREDENTIALS'],
  ])('answers @fastify/jwt %s with %s, showing its message', (code, errorCode) => {
    const response = normalise(fastifyError(code, 'The message of the plugin.', 401));
    expect(response.body.error_code).toBe(errorCode);
    expect(response.body.detail).toBe('The message of the plugin.');
  });
});

describe('normalise: messages of errors made with @fastify/error', () => {
  it('shows the message of a 4xx', () => {
    expect(normalise(fastifyError('APP_QUOTA', 'The quota is used up.', 409)).body.detail).toBe(
      'The quota is used up.',
    );
  });

  it('recognises the brand @fastify/error 4 puts on its errors, whatever the name', () => {
    const error = Object.assign(new Error('The quota is used up.'), {
      name: 'QuotaError',
      code: 'APP_QUOTA',
      statusCode: 409,
      [Symbol.for('fastify-error-generic')]: true,
    });
    expect(normalise(error).body.detail).toBe('The quota is used up.');
  });

  it('never shows the message of a 5xx', () => {
    const response = normalise(fastifyError('APP_DB', 'password=hunter2', 503));
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it("never shows Fastify's own FST_ERR_ messages, which may quote the request", () => {
    const response = normalise(
      fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 'text/x-secret', 415),
    );
    expect(response.body).not.toHaveProperty('detail');
  });

  it('hides a message marked expose: false', () => {
    const error = Object.assign(fastifyError('APP_QUOTA', 'private', 409), { expose: false });
    expect(normalise(error).body).not.toHaveProperty('detail');
  });

  it('hides the message of an error without a code', () => {
    const error = Object.assign(new Error('private'), { name: 'FastifyError', statusCode: 409 });
    expect(normalise(error).body).not.toHaveProperty('detail');
  });
});
