import { faultline } from '@faultline/fastify';
import { versions } from '../helpers';

/*
 * On a path no route serves, a refused body gives way to the 404 or 405 routing decides. Two ways
 * this once went wrong: a thrown value whose `code` getter throws escaped the plugin's error
 * handler, so Fastify's own handler answered with the value's message; and Fastify 4's own JSON
 * parser (`json: false`) throws a bare SyntaxError that was not recognised as a body error.
 */
describe.each(versions)('%s: bodies on unknown paths', (_name, version) => {
  it('answers a hostile value thrown on an unknown path with the 500 problem, leaking nothing', async () => {
    const app = version.Fastify();
    await app.register(faultline);
    app.addHook('onRequest', async () => {
      throw {
        get code(): never {
          throw new Error('secret db=postgres://u:p@db.internal');
        },
      };
    });
    const response = await app.inject({ url: '/unknown' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).not.toContain('secret');
    await app.close();
  });

  it.each([
    ['/unknown', 404],
    ['/datasets', 405],
  ])('answers malformed JSON to %s with %d, with json: false too', async (url, status) => {
    for (const json of [true, false]) {
      const app = version.Fastify();
      await app.register(faultline, { json });
      app.get('/datasets', async () => []);
      const response = await app.inject({
        method: 'POST',
        url,
        payload: '{"name":',
        headers: { 'content-type': 'application/json' },
      });
      expect([json, response.statusCode]).toEqual([json, status]);
      await app.close();
    }
  });
});
