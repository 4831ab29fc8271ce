import { problemHandlers, problemJson } from '@faultline/express';
import request from 'supertest';
import { frameworks } from '../helpers/frameworks';
import { silentLogger } from '../helpers/logger';
import { expectProblem } from '../helpers/problem';

/**
 * Regression: locating the syntax error in a malformed body with a string of several MB
 * overflows the regular-expression stack in the core's JSON scanner (RangeError, from about
 * 8.4 million characters), the mapper threw, and the client got a 500. Counter-example:
 * `{"a":"` followed by 12 MB of `a`, under `problemJson({ limit: '32mb' })`.
 */
describe.each(frameworks)('a malformed body with a huge string, on $name', ({ express }) => {
  it('is a 400 naming where the body ends, not a 500', async () => {
    const app = express();
    app.post('/datasets', problemJson({ limit: '32mb' }), (_req, res) => {
      res.status(201).end();
    });
    app.use(problemHandlers({ logger: silentLogger }));
    const response = await request(app)
      .post('/datasets')
      .set('Content-Type', 'application/json')
      .serialize((raw: unknown) => raw as string)
      .send(`{"a":"${'a'.repeat(12 * 1024 * 1024)}`);
    expectProblem(response, 400, {
      status: 400,
      title: 'Bad Request',
      type: 'about:blank',
      detail: `JSON parse error: unexpected end of input at position ${6 + 12 * 1024 * 1024}.`,
      error_code: 'VALIDATION_ERROR',
    });
  }, 120_000);
});
