import fastifyJwt from '@fastify/jwt';
import { expressjwt } from 'express-jwt';
import jwt from 'jsonwebtoken';
import { Passport } from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { type RequestSpec, type Scenario, SECRET } from '../support/scenario';

const KEY = 'the-key-of-the-datasets-api';
/** The audience the API expects; a refused token's message would quote it. */
const AUDIENCE = `datasets-${SECRET}`;

const withoutToken = (): readonly RequestSpec[] => [{ method: 'GET', path: '/' }];
const withToken = (token: string): readonly RequestSpec[] => [
  { method: 'GET', path: '/', headers: { authorization: `Bearer ${token}` } },
];

/** express-jwt on `GET /`, expecting an HS256 token for `AUDIENCE`. */
function throughExpressJwt(requests: Scenario['requests']): Scenario {
  return {
    package: 'express-jwt',
    express: (app) => {
      app.get(
        '/',
        expressjwt({ secret: KEY, algorithms: ['HS256'], audience: AUDIENCE }),
        (_r, res) => {
          res.json({ ok: true });
        },
      );
    },
    requests,
    hidesMessage: true,
  };
}

/** @fastify/jwt verifying the token of `GET /` in an `onRequest` hook. */
function throughFastifyJwt(requests: Scenario['requests']): Scenario {
  return {
    package: '@fastify/jwt',
    fastify5Only: true,
    fastify: async (app) => {
      await app.register(fastifyJwt, { secret: KEY });
      app.get(
        '/',
        {
          onRequest: async (request) => {
            await request.jwtVerify();
          },
        },
        async () => ({ ok: true }),
      );
    },
    requests,
    hidesMessage: false,
  };
}

/** passport with passport-http-bearer on `GET /`, refusing every token, with `failWithError`. */
function throughPassport(requests: Scenario['requests']): Scenario {
  return {
    package: 'passport-http-bearer',
    express: (app) => {
      const passport = new Passport();
      passport.use(new BearerStrategy((_token, done) => done(null, false)));
      app.use(passport.initialize());
      app.get(
        '/',
        passport.authenticate('bearer', { session: false, failWithError: true }),
        (_req, res) => {
          res.json({ ok: true });
        },
      );
    },
    requests,
    // Its error says `Unauthorized`, the title of every 401.
    hidesMessage: false,
  };
}

export const authenticationScenarios: Readonly<Record<string, Scenario>> = {
  'express-jwt / `UnauthorizedError` `credentials_required`: no token':
    throughExpressJwt(withoutToken),
  'express-jwt / `UnauthorizedError` `invalid_token`: a token for another audience':
    throughExpressJwt(() => withToken(jwt.sign({ sub: '1' }, KEY, { audience: 'another' }))),
  '@fastify/jwt / `FST_JWT_NO_AUTHORIZATION_IN_HEADER`: no token': throughFastifyJwt(withoutToken),
  '@fastify/jwt / `FST_JWT_AUTHORIZATION_TOKEN_INVALID`: a token signed with another key':
    throughFastifyJwt(() => withToken(jwt.sign({ sub: SECRET }, 'another-key'))),
  'passport-http-bearer / a 401 after the challenge `Bearer realm="Users"`: no token':
    throughPassport(withoutToken),
  'passport-http-bearer / a 401 after the challenge `Bearer realm="Users", error="invalid_token"`: a token the verify function refuses':
    throughPassport(() => withToken(SECRET)),
};
