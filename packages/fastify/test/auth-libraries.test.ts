import createFastifyError from '@fastify/error';
import jwt5 from '@fastify/jwt';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import jwt4 from 'jwt4';
import { appUnderTest, expected, versions } from './helpers';
import { overHttp } from './over-http';

const jwtFor = (major: 4 | 5) =>
  (major === 5 ? jwt5 : jwt4) as unknown as FastifyPluginAsync<{ secret: string }>;

interface Signer {
  sign(payload: Record<string, unknown>): string;
}

const secret = 'a-secret-of-the-tests-only';
const now = () => Math.floor(Date.now() / 1000);

describe.each(versions)('%s: @fastify/jwt', (_name, version) => {
  const { build } = appUnderTest(version);

  async function app() {
    const instance = await build(async (fastify) => {
      await fastify.register(jwtFor(version.major), { secret });
      fastify.get('/me', {
        onRequest: async (request: FastifyRequest) => {
          await (request as FastifyRequest & { jwtVerify(): Promise<unknown> }).jwtVerify();
        },
        handler: async () => ({ me: 'ada' }),
      });
    });
    const signer = (instance as unknown as { jwt: Signer }).jwt;
    return { send: await overHttp(instance), sign: signer.sign.bind(signer) };
  }

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('lets a valid token through', async () => {
    const { send, sign } = await app();
    const response = await send('/me', bearer(sign({ sub: 'ada' })));
    expect(response.status).toBe(200);
  });

  it('answers a request without a token AUTHENTICATION_REQUIRED, with a bare challenge', async () => {
    const { send } = await app();
    const response = await send('/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.json()).toEqual(
      expected(401, 'authentication-required', 'Unauthorized', {
        detail: 'No Authorization was found in request.headers',
        error_code: 'AUTHENTICATION_REQUIRED',
      }),
    );
  });

  it('answers an expired token INVALID_CREDENTIALS, with error="invalid_token"', async () => {
    const { send, sign } = await app();
    // Issued two hours ago, expired one hour ago: no clock is raced.
    const token = sign({ sub: 'ada', iat: now() - 7200, exp: now() - 3600 });
    const response = await send('/me', bearer(token));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(response.json()).toEqual(
      expected(401, 'authentication-required', 'Unauthorized', {
        detail: 'Authorization token expired',
        error_code: 'INVALID_CREDENTIALS',
      }),
    );
  });

  it('answers a token whose signature does not match INVALID_CREDENTIALS', async () => {
    const { send, sign } = await app();
    // One token's header and claims with another's signature.
    const [header, claims] = sign({ sub: 'ada' }).split('.');
    const [, , signature] = sign({ sub: 'eve' }).split('.');
    const response = await send('/me', bearer(`${header}.${claims}.${signature}`));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(response.json()).toMatchObject({ error_code: 'INVALID_CREDENTIALS' });
  });

  it('answers a token that is not a JWT INVALID_CREDENTIALS', async () => {
    const { send } = await app();
    const response = await send('/me', bearer('not-a-jwt'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(response.json()).toMatchObject({ error_code: 'INVALID_CREDENTIALS' });
    expect(response.text).not.toContain('not-a-jwt');
  });

  it('answers credentials in another scheme AUTHENTICATION_REQUIRED', async () => {
    const { send } = await app();
    const response = await send('/me', { headers: { authorization: 'Basic YWRhOnB3' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.json()).toMatchObject({ error_code: 'AUTHENTICATION_REQUIRED' });
  });

  it('answers a malformed Bearer header 400, with its message', async () => {
    const { send } = await app();
    const response = await send('/me', { headers: { authorization: 'Bearer two parts' } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual(
      expected(400, 'invalid-request', 'Bad Request', {
        detail: 'Format is Authorization: Bearer [token]',
        error_code: 'VALIDATION_ERROR',
      }),
    );
  });
});

describe.each(versions)('%s: errors made with @fastify/error', (_name, version) => {
  const { build } = appUnderTest(version);

  async function throwing(error: unknown) {
    const app = await build((instance) => {
      instance.get('/x', async () => {
        throw error;
      });
    });
    return (await overHttp(app))('/x');
  }

  it("shows a 4xx error's message as detail", async () => {
    const QuotaUsed = createFastifyError('APP_QUOTA_USED', 'The quota of plan %s is used up.', 409);
    const response = await throwing(new QuotaUsed('basic'));
    expect(response.status).toBe(409);
    expect(response.json()).toEqual(
      expected(409, 'resource-conflict', 'Conflict', {
        detail: 'The quota of plan basic is used up.',
        error_code: 'RESOURCE_ALREADY_EXISTS',
      }),
    );
  });

  it("never shows a 5xx error's message", async () => {
    const DatabaseDown = createFastifyError('APP_DB_DOWN', 'db at %s refused: password=%s', 503);
    const response = await throwing(new DatabaseDown('10.0.0.7', 'hunter2'));
    expect(response.status).toBe(503);
    expect(response.text).not.toContain('10.0.0.7');
    expect(response.text).not.toContain('hunter2');
    expect(response.json()).not.toHaveProperty('detail');
  });

  it('does not show the message of a Fastify FST_ERR_ code, which may quote the request', async () => {
    const Framework = createFastifyError('FST_ERR_SOMETHING', "'%s' is not accepted", 400);
    const response = await throwing(new Framework('/secret-path?token=abc'));
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('token=abc');
  });
});
