import { problemHandlers } from '@faultline/express';
import Boom from '@hapi/boom';
import createError from 'http-errors';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';

/**
 * An error's own `Allow`, `WWW-Authenticate` and `Retry-After` are what its library meant to
 * send: each is kept when it is a valid value of its header, and dropped when it is not.
 */
describe.each(frameworks)("an error's own headers on $name", ({ express }) => {
  function throwing(error: unknown) {
    const app = express();
    app.get('/x', () => {
      throw error;
    });
    app.use(problemHandlers({ logger: silentLogger }));
    return app;
  }

  describe('Allow on a 405', () => {
    it('keeps the Allow of an http-errors 405', async () => {
      const error = createError(405, { headers: { Allow: 'GET, HEAD' } });
      const response = await request(throwing(error)).get('/x');
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(response.body).toMatchObject({ error_code: 'METHOD_NOT_ALLOWED' });
    });

    it('keeps the Allow of Boom.methodNotAllowed', async () => {
      const error = Boom.methodNotAllowed('Read only.', undefined, ['GET']);
      const response = await request(throwing(error)).get('/x');
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET');
    });

    it('reads Allow whatever the case of its name', async () => {
      const error = createError(405, { headers: { allow: 'PUT' } });
      const response = await request(throwing(error)).get('/x');
      expect(response.headers.allow).toBe('PUT');
    });

    it.each([
      ['a value that is not a list of methods', 'GET; rm -rf'],
      ['a method name with a space in it', 'GE T'],
    ])('sends an empty Allow instead of %s', async (_what, value) => {
      const response = await request(throwing(createError(405, { headers: { Allow: value } }))).get(
        '/x',
      );
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('');
    });
  });

  describe('WWW-Authenticate on a 401', () => {
    it('keeps the challenge of an http-errors 401', async () => {
      const challenge = 'Bearer realm="Users", error="invalid_token"';
      const error = createError(401, { headers: { 'WWW-Authenticate': challenge } });
      const response = await request(throwing(error)).get('/x');
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe(challenge);
      expect(response.body).toMatchObject({ error_code: 'INVALID_CREDENTIALS' });
    });

    it('keeps the challenge of Boom.unauthorized', async () => {
      const error = Boom.unauthorized(null, 'Basic', { realm: 'files' });
      const response = await request(throwing(error)).get('/x');
      expect(response.headers['www-authenticate']).toBe('Basic realm="files"');
      expect(response.body).toMatchObject({ error_code: 'AUTHENTICATION_REQUIRED' });
    });

    it('sends its own challenge in place of one that is not a challenge', async () => {
      const error = createError(401, { headers: { 'WWW-Authenticate': 'Bearer realm="unclosed' } });
      const response = await request(throwing(error)).get('/x');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('Retry-After', () => {
    it('keeps an HTTP-date', async () => {
      const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
      const error = createError(503, { headers: { 'Retry-After': date } });
      const response = await request(throwing(error)).get('/x');
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe(date);
    });

    it('keeps delay-seconds', async () => {
      const error = createError(503, { headers: { 'Retry-After': '120' } });
      expect((await request(throwing(error)).get('/x')).headers['retry-after']).toBe('120');
    });

    it.each([
      ['an empty value', ''],
      ['a number in hexadecimal', '0x10'],
      ['a fraction', '1.5'],
      ['a date in another format', '2026-10-21T07:28:00Z'],
      ['text', 'later'],
    ])('drops %s', async (_what, value) => {
      const error = createError(503, { headers: { 'Retry-After': value } });
      const response = await request(throwing(error)).get('/x');
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBeUndefined();
    });

    it('answers a 429 with its default delay in place of an invalid one', async () => {
      const error = createError(429, { headers: { 'Retry-After': 'soon' } });
      expect((await request(throwing(error)).get('/x')).headers['retry-after']).toBe('60');
    });
  });
});
