import { problemHandlers } from '@faultline/express';
import type { Express, RequestHandler } from 'express';
import { expressjwt } from 'express-jwt';
import jwt from 'jsonwebtoken';
import passport from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const secret = 'a-secret-of-the-tests-only';
const fresh = () => jwt.sign({ sub: 'ada' }, secret, { expiresIn: '1h' });
// Issued and expired an hour ago: no clock is raced.
const expired = () => jwt.sign({ sub: 'ada', exp: Math.floor(Date.now() / 1000) - 3600 }, secret);
const signedByOthers = () => jwt.sign({ sub: 'ada' }, 'another-secret', { expiresIn: '1h' });

const required = {
  status: 401,
  title: 'Unauthorized',
  type: 'about:blank',
  detail: 'This resource requires authentication.',
  error_code: 'AUTHENTICATION_REQUIRED',
};
const rejected = {
  status: 401,
  title: 'Unauthorized',
  type: 'about:blank',
  detail: 'The access token is invalid or has expired.',
  error_code: 'INVALID_CREDENTIALS',
};

describe.each(frameworks)('authentication libraries on $name', ({ express }) => {
  function app(guard: RequestHandler): Express {
    const application = express();
    application.get('/me', guard, (_req, res) => {
      res.json({ me: 'ada' });
    });
    application.use(problemHandlers({ logger: silentLogger }));
    return application;
  }

  describe('express-jwt', () => {
    const revoked = new Set(['revoked-id']);
    const guard = expressjwt({
      secret,
      algorithms: ['HS256'],
      isRevoked: async (_req, token) =>
        typeof token?.payload === 'object' && revoked.has(String(token.payload.jti)),
    });

    it('lets a valid token through', async () => {
      const response = await request(app(guard)).get('/me').auth(fresh(), { type: 'bearer' });
      expect(response.status).toBe(200);
    });

    it('answers a request without a token AUTHENTICATION_REQUIRED, with a bare challenge', async () => {
      const response = await request(app(guard)).get('/me');
      expectProblem(response, 401, required);
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it.each([
      ['an expired token', expired],
      ['a token signed with another key', signedByOthers],
      ['a token that is not a JWT', () => 'not-a-jwt'],
    ])('answers %s INVALID_CREDENTIALS, with error="invalid_token"', async (_what, token) => {
      const response = await request(app(guard)).get('/me').auth(token(), { type: 'bearer' });
      expectProblem(response, 401, rejected);
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });

    it('answers a revoked token INVALID_CREDENTIALS, saying it was revoked', async () => {
      const token = jwt.sign({ sub: 'ada', jti: 'revoked-id' }, secret, { expiresIn: '1h' });
      const response = await request(app(guard)).get('/me').auth(token, { type: 'bearer' });
      expectProblem(response, 401, {
        ...rejected,
        detail: 'The access token has been revoked.',
      });
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });

    it('never shows what the verifier expected', async () => {
      const strict = expressjwt({ secret, algorithms: ['HS256'], audience: 'internal-audience' });
      const response = await request(app(strict)).get('/me').auth(fresh(), { type: 'bearer' });
      expectProblem(response, 401, rejected);
      expect(response.text).not.toContain('internal-audience');
    });
  });

  describe('passport-http-bearer (failWithError)', () => {
    const authenticator = new passport.Passport();
    authenticator.use(
      new BearerStrategy(
        { realm: 'Users' },
        (token: string, done: (error: unknown, user?: object | false) => void) => {
          done(null, token === 'good-token' ? { name: 'ada' } : false);
        },
      ),
    );
    const guard = authenticator.authenticate('bearer', {
      session: false,
      failWithError: true,
    }) as RequestHandler;

    it('lets a valid token through', async () => {
      const response = await request(app(guard)).get('/me').auth('good-token', { type: 'bearer' });
      expect(response.status).toBe(200);
    });

    it("answers a rejected token INVALID_CREDENTIALS with the strategy's own challenge", async () => {
      const response = await request(app(guard)).get('/me').auth('bad-token', { type: 'bearer' });
      expectProblem(response, 401, rejected);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="Users", error="invalid_token"',
      );
    });

    it("answers a missing token AUTHENTICATION_REQUIRED with the strategy's own challenge", async () => {
      const response = await request(app(guard)).get('/me');
      expectProblem(response, 401, required);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="Users"');
    });
  });
});
