import { isProblemError } from './problem-error.js';
import { readProperty as read } from './read.js';

/** Whether an error carries a `WWW-Authenticate` header of its own. */
function hasOwnChallenge(error: object): boolean {
  const headers = read(error, 'headers');
  if (typeof headers !== 'object' || headers === null) return false;
  try {
    return Object.keys(headers).some((name) => name.toLowerCase() === 'www-authenticate');
  } catch {
    return true;
  }
}

/**
 * A 401 raised after a middleware or hook put its challenge on the response (passport's
 * `failWithError`: `WWW-Authenticate: Bearer realm="Users", error="invalid_token"`), as one
 * error that carries it, so the normaliser reads why authentication failed from it. The error's
 * own message, `expose` and code are kept; the challenge stays on the response, as it was set.
 * `challengeOnResponse` reads the response's header; undefined when there is nothing to add.
 */
export function withResponseChallenge(
  error: unknown,
  challengeOnResponse: () => unknown,
): object | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (isProblemError(error) || read(error, 'isBoom') === true) return undefined;
  if ((read(error, 'status') ?? read(error, 'statusCode')) !== 401 || hasOwnChallenge(error)) {
    return undefined;
  }
  let challenge: unknown;
  try {
    challenge = challengeOnResponse();
  } catch {
    return undefined;
  }
  if (typeof challenge !== 'string' && !Array.isArray(challenge)) return undefined;
  return {
    status: 401,
    message: read(error, 'message'),
    expose: read(error, 'expose'),
    name: read(error, 'name'),
    code: read(error, 'code'),
    headers: { 'WWW-Authenticate': challenge },
    cause: error,
  };
}
