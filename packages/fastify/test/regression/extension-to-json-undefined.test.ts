import { build, problems, versions } from '../helpers';

/*
 * Counter-example found by the thrown-values property:
 *   new ProblemError('VALIDATION_ERROR', { extensions: { when: { toJSON: () => undefined } } })
 * was sent as `{…,"when":undefined}`, which is not JSON: fast-json-stringify writes an
 * extension member as JSON.stringify gives it, and JSON.stringify gives `undefined` for it.
 */
describe.each(versions)('%s: an extension whose toJSON() gives undefined', (_name, version) => {
  it('is left out, as JSON.stringify leaves it out', async () => {
    const app = await build(version, (app) => {
      app.get('/', async () => {
        throw new problems.ProblemError('VALIDATION_ERROR', {
          extensions: {
            when: { toJSON: () => undefined },
            at: new Date(0),
            nested: { inner: { toJSON: () => undefined } },
          },
        });
      });
    });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toBe(
      '{"status":400,"title":"Bad Request","type":"https://api.example.com/docs/errors#invalid-request","error_code":"VALIDATION_ERROR","at":"1970-01-01T00:00:00.000Z","nested":{}}',
    );
    await app.close();
  });
});
