import { build, versions } from '../helpers';

/*
 * Counter-example from the hostile-bodies tests: `{"a":"\xff\xfe"}` as application/json.
 * Fastify 5 decoded it as text, U+FFFD for each bad byte, and the route got a body the client
 * never sent (200); Fastify 4 answered 400 "does not match its Content-Length", because it
 * counted the decoded text's bytes. The parser now reads bytes and refuses invalid UTF-8.
 */
describe.each(versions)('%s: a JSON body that is not valid UTF-8', (_name, version) => {
  it('is a 400 saying so, on either major', async () => {
    const app = await build(version, (app) => {
      app.post('/', async (request) => ({ body: request.body as unknown }));
    });
    const response = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      detail: 'JSON parse error: the request body is not valid UTF-8.',
      error_code: 'VALIDATION_ERROR',
    });
    const valid = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: Buffer.from('\ufeff{"a":"é日😀"}'),
    });
    expect(valid.json()).toEqual({ body: { a: 'é日😀' } });
    await app.close();
  });
});
