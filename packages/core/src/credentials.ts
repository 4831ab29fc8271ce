import { challengeError } from './headers.js';
import { readProperty as read } from './read.js';

/*
 * A 401 says only that authentication failed; which failure it was decides what the client
 * should do: send credentials it left out (AUTHENTICATION_REQUIRED, a bare challenge, RFC 6750
 * §3.1), or get new ones for a token that was refused (INVALID_CREDENTIALS, with
 * `error="invalid_token"`). The authentication libraries say which, each in its own way.
 */

/** The two codes of a failed authentication. */
export type CredentialsCode = 'AUTHENTICATION_REQUIRED' | 'INVALID_CREDENTIALS';

/** What a failed authentication answers with; `detail` when the error shows no message of its own. */
export interface CredentialsFailure {
  readonly code: CredentialsCode;
  readonly detail: string;
}

const missing: CredentialsFailure = {
  code: 'AUTHENTICATION_REQUIRED',
  detail: 'This resource requires authentication.',
};
const rejected: CredentialsFailure = {
  code: 'INVALID_CREDENTIALS',
  detail: 'The access token is invalid or has expired.',
};

/**
 * express-jwt's `UnauthorizedError` codes. Its messages are jsonwebtoken's, and some quote the
 * verifier's configuration (`jwt audience invalid. expected: …`): they are never shown.
 */
const expressJwtCodes: Readonly<Record<string, CredentialsFailure>> = {
  credentials_required: missing,
  credentials_bad_scheme: {
    code: 'AUTHENTICATION_REQUIRED',
    detail: 'The Authorization header must hold a Bearer token.',
  },
  credentials_bad_format: {
    code: 'AUTHENTICATION_REQUIRED',
    detail: 'The Authorization header must hold a Bearer token.',
  },
  invalid_token: rejected,
  revoked_token: { code: 'INVALID_CREDENTIALS', detail: 'The access token has been revoked.' },
};

/** @fastify/jwt's codes of a 401 (its messages are shown, as every @fastify/error 4xx's are). */
const fastifyJwtCodes: Readonly<Record<string, CredentialsFailure>> = {
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: missing,
  FST_JWT_NO_AUTHORIZATION_IN_COOKIE: missing,
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: rejected,
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: rejected,
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: rejected,
  FAST_JWT_MISSING_SIGNATURE: rejected,
};

function own(table: Readonly<Record<string, CredentialsFailure>>, key: unknown) {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Which failure a 401 is, from the error's own words: express-jwt's and @fastify/jwt's codes,
 * then the RFC 6750 `error` of its challenge (`error="invalid_token"`, as passport-http-bearer
 * and Boom set it). `undefined` when nothing says.
 */
export function credentialsFailure(
  error: object,
  challenge: string | undefined,
): CredentialsFailure | undefined {
  const code = read(error, 'code');
  if (read(error, 'name') === 'UnauthorizedError') {
    const known = own(expressJwtCodes, code);
    if (known !== undefined) return known;
  }
  const fastifyJwt = own(fastifyJwtCodes, code);
  if (fastifyJwt !== undefined) return fastifyJwt;
  if (challenge === undefined) return undefined;
  return challengeError(challenge) === 'invalid_token' ? rejected : missing;
}
