import { ProblemError } from '@faultline/core';
import { problemClientErrors, problemHandlers } from '@faultline/express';
import request from 'supertest';
import { frameworks } from '../helpers/frameworks';
import { silentLogger } from '../helpers/logger';

/**
 * Regression: the core refuses only CR, LF and NUL in `challenge.realm`, so a realm Node cannot
 * send (`'東京'`, a control character) was accepted at start-up and every 401 then failed as it
 * was written; a Latin-1 realm (`'Zürich'`) reached clients as UTF-8 bytes read as Latin-1
 * (`ZÃ¼rich`). Only ASCII is accepted now, at start-up.
 */
describe('challenge.realm', () => {
  it.each([
    ['東京', '"東京"'],
    ['api\u0001', '"api\\u0001"'],
    ['api\u007f', '"api\u007f"'],
    ['Z\u00fcrich', '"Z\u00fcrich"'],
  ])('%j is refused at start-up by problemHandlers() and problemClientErrors()', (realm, shown) => {
    const message = `@faultline/express: option challenge.realm is sent in WWW-Authenticate and must hold only visible ASCII characters and spaces, got ${shown}`;
    expect(() => problemHandlers({ challenge: { realm } })).toThrow(new TypeError(message));
    expect(() => problemClientErrors({ on: () => undefined }, { challenge: { realm } })).toThrow(
      new TypeError(message),
    );
  });

  it.each(frameworks)('an ASCII realm, quotes escaped, is sent on $name', async ({ express }) => {
    const app = express();
    app.get('/x', () => {
      throw new ProblemError('AUTHENTICATION_REQUIRED');
    });
    app.use(problemHandlers({ challenge: { realm: 'Zurich "API"' }, logger: silentLogger }));
    const response = await request(app).get('/x');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="Zurich \\"API\\""');
  });
});
