import createError from 'http-errors';
import { build, PROBLEM_TYPE, versions } from '../helpers';

/*
 * Counter-example found by the thrown-values property: a foreign error whose `headers` hold a
 * value with a control character (core, as committed, only refused CR, LF and NUL) made Node's
 * writeHead throw while the answer was written. Without hooks the answer became a 500; behind
 * an async onSend hook the request was never answered and Fastify threw an uncaught exception
 * (Fastify 5: "cb is not a function"; Fastify 4: "Invalid character in header content").
 */
describe.each(versions)('%s: header values Node refuses to write', (_name, version) => {
  it.each([
    ['a control character', 'a\u0001b'],
    ['DEL', 'a\u007fb'],
    ['a character beyond Latin-1', 'a\u0100b'],
  ])('with %s are dropped, the status and the other headers kept', async (_what, value) => {
    for (const onSendHook of [false, true]) {
      const app = await build(version, (app) => {
        if (onSendHook) app.addHook('onSend', async (_request, _reply, payload) => payload);
        app.get('/', async () => {
          throw createError(429, 'Slow down.', {
            headers: { 'X-Trace': value, 'Retry-After': '5' },
          });
        });
      });
      const response = await app.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(429);
      expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.headers['x-trace']).toBeUndefined();
      expect(response.json()).toMatchObject({ status: 429, error_code: 'RATE_LIMIT_EXCEEDED' });
      await app.close();
    }
  });
});
