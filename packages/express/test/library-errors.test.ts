import { problemHandlers } from '@faultline/express';
import Boom from '@hapi/boom';
import createError from 'http-errors';
import request from 'supertest';
import { frameworks } from './helpers/frameworks';
import { silentLogger } from './helpers/logger';
import { expectProblem } from './helpers/problem';

const unexpected = {
  status: 500,
  title: 'Internal Server Error',
  type: 'about:blank',
  detail: 'An unexpected error occurred.',
};

describe.each(frameworks)('errors from well-known libraries on $name', ({ express }) => {
  function throwing(error: unknown) {
    const app = express();
    app.get('/x', () => {
      throw error;
    });
    app.use(problemHandlers({ logger: silentLogger }));
    return app;
  }

  describe('http-errors', () => {
    it('maps the status to its code and shows an exposed message', async () => {
      expectProblem(await request(throwing(createError(404, 'No such dataset.'))).get('/x'), 404, {
        status: 404,
        title: 'Not Found',
        type: 'about:blank',
        detail: 'No such dataset.',
        error_code: 'RESOURCE_NOT_FOUND',
      });
      expectProblem(await request(throwing(new createError.Conflict('Taken.'))).get('/x'), 409, {
        status: 409,
        title: 'Conflict',
        type: 'about:blank',
        detail: 'Taken.',
        error_code: 'RESOURCE_ALREADY_EXISTS',
      });
    });

    it('keeps a status outside the catalogue, with a code from its reason phrase', async () => {
      expectProblem(await request(throwing(createError(410, 'Retired.'))).get('/x'), 410, {
        status: 410,
        title: 'Gone',
        type: 'about:blank',
        detail: 'Retired.',
        error_code: 'GONE',
      });
    });

    it('hides the message of a 5xx (expose is false)', async () => {
      const response = await request(throwing(createError(500, 'db password wrong'))).get('/x');
      expectProblem(response, 500, unexpected);
      expect(response.text).not.toContain('password');
    });

    it('applies err.headers, as Express does', async () => {
      const error = createError(429, 'Slow down.', { headers: { 'Retry-After': '7' } });
      const response = await request(throwing(error)).get('/x');
      expectProblem(response, 429, {
        status: 429,
        title: 'Too Many Requests',
        type: 'about:blank',
        detail: 'Slow down.',
        error_code: 'RATE_LIMIT_EXCEEDED',
      });
      expect(response.headers['retry-after']).toBe('7');
    });
  });

  describe('@hapi/boom', () => {
    it('answers a 4xx with its message', async () => {
      expectProblem(await request(throwing(Boom.forbidden('Not your dataset.'))).get('/x'), 403, {
        status: 403,
        title: 'Forbidden',
        type: 'about:blank',
        detail: 'Not your dataset.',
        error_code: 'ACCESS_DENIED',
      });
    });

    it('answers a 5xx generically', async () => {
      const response = await request(throwing(Boom.badImplementation('stack of secrets'))).get(
        '/x',
      );
      expectProblem(response, 500, unexpected);
      expect(response.text).not.toContain('secrets');
    });
  });

  describe("Express's own URIError for an undecodable path parameter", () => {
    const app = () => {
      const application = express();
      application.get('/datasets/:id', (req, res) => {
        res.json({ id: req.params.id });
      });
      application.use(problemHandlers({ logger: silentLogger }));
      return application;
    };
    const malformed = {
      status: 400,
      title: 'Bad Request',
      type: 'about:blank',
      detail: 'The request URL is not correctly percent-encoded.',
      error_code: 'VALIDATION_ERROR',
    };

    it.each(['/datasets/%FF', '/datasets/%E0%A4%A'])('%s → 400, never 500', async (path) => {
      expectProblem(await request(app()).get(path), 400, malformed);
    });

    it('stays 400 for a method the path does not serve', async () => {
      expectProblem(await request(app()).put('/datasets/%FF'), 400, malformed);
    });
  });
});
