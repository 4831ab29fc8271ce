import Boom from '@hapi/boom';
import createError from 'http-errors';
import { appUnderTest, versions } from './helpers';
import { overHttp } from './over-http';

/**
 * An error's own `Allow`, `WWW-Authenticate` and `Retry-After` are what its library meant to
 * send: each is kept when it is a valid value of its header, and dropped when it is not.
 */
describe.each(versions)("%s: an error's own headers", (_name, version) => {
  const { build } = appUnderTest(version);

  async function throwing(error: unknown) {
    const app = await build((instance) => {
      instance.get('/x', async () => {
        throw error;
      });
    });
    const send = await overHttp(app);
    return send('/x');
  }

  it('keeps the Allow of an http-errors 405', async () => {
    const response = await throwing(createError(405, { headers: { Allow: 'GET, HEAD' } }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('keeps the Allow of Boom.methodNotAllowed', async () => {
    const response = await throwing(Boom.methodNotAllowed('Read only.', undefined, ['GET']));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('sends an empty Allow instead of one that is not a list of methods', async () => {
    const response = await throwing(createError(405, { headers: { Allow: 'GET; rm' } }));
    expect(response.headers.get('allow')).toBe('');
  });

  it('keeps the challenge of an http-errors 401, and reads its RFC 6750 error', async () => {
    const challenge = 'Bearer realm="Users", error="invalid_token"';
    const response = await throwing(
      createError(401, { headers: { 'WWW-Authenticate': challenge } }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(challenge);
    expect(response.json()).toMatchObject({ error_code: 'INVALID_CREDENTIALS' });
  });

  it('sends its own challenge in place of one that is not a challenge', async () => {
    const response = await throwing(
      createError(401, { headers: { 'WWW-Authenticate': 'Bearer realm="unclosed' } }),
    );
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('keeps a Retry-After HTTP-date', async () => {
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    const kept = await throwing(createError(503, { headers: { 'Retry-After': date } }));
    expect(kept.headers.get('retry-after')).toBe(date);
  });

  it('drops a Retry-After that is neither a date nor digits', async () => {
    const dropped = await throwing(createError(503, { headers: { 'Retry-After': '0x10' } }));
    expect(dropped.status).toBe(503);
    expect(dropped.headers.get('retry-after')).toBeNull();
  });

  it('reads the challenge a hook put on the reply before a 401', async () => {
    const app = await build((instance) => {
      instance.get('/x', {
        preHandler: async (_request, reply) => {
          reply.header('WWW-Authenticate', 'Bearer realm="Users", error="invalid_token"');
          throw createError(401);
        },
        handler: async () => 'never',
      });
    });
    const response = await (await overHttp(app))('/x');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="Users", error="invalid_token"',
    );
    expect(response.json()).toMatchObject({ error_code: 'INVALID_CREDENTIALS' });
  });
});
