import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { appUnderTest, expected, PROBLEM_TYPE, versions } from './helpers';

const badRequest = (detail: string) =>
  expected(400, 'invalid-request', 'Bad Request', { detail, error_code: 'VALIDATION_ERROR' });
const unsupported = (detail = 'Content-Type must be application/json') =>
  expected(415, 'unsupported-media-type', 'Unsupported Media Type', {
    detail,
    error_code: 'UNSUPPORTED_MEDIA_TYPE',
  });

const objectBody = {
  type: 'object',
  properties: { name: { type: 'string' } },
} as const;

describe.each(versions)('%s: JSON bodies', (_name, version) => {
  const { build, start } = appUnderTest(version, (app) => {
    app.post('/echo', async (request) => ({ body: request.body as unknown }));
    app.post('/datasets', { schema: { body: objectBody } }, async (request) => ({
      body: request.body as unknown,
    }));
  });

  const post = (
    app: FastifyInstance,
    payload: string | undefined,
    contentType?: string,
    url = '/echo',
  ) =>
    app.inject({
      method: 'POST',
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: contentType === undefined ? {} : { 'content-type': contentType },
    });

  it.each([
    ['text/plain', 'name=x'],
    ['text/plain; charset=utf-8', '{"name":"x"}'],
    ['application/xml', '<name>x</name>'],
    ['application/x-www-form-urlencoded', 'name=x'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['foo', '{"name":"x"}'],
  ])('answers a %s body with 415 UNSUPPORTED_MEDIA_TYPE', async (contentType, payload) => {
    const response = await post(await start(), payload, contentType);
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.json()).toEqual(unsupported());
  });

  it('answers a body without any Content-Type with 415', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: Buffer.from('{"name":"x"}'),
      headers: { 'content-type': undefined },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual(unsupported());
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset="UTF-8"',
    'application/merge-patch+json',
    'application/vnd.api+json; charset=utf-8',
  ])('parses a %s body as JSON', async (contentType) => {
    const response = await post(await start(), '{"name":"x"}', contentType);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ body: { name: 'x' } });
  });

  it.each(['latin1', 'utf-16le', 'us-ascii'])(
    'answers JSON in charset "%s" with 415, as RFC 8259 asks for UTF-8',
    async (charset) => {
      const response = await post(
        await start(),
        '{"name":"x"}',
        `application/json; charset=${charset}`,
      );
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual(unsupported('JSON request bodies must be encoded in UTF-8.'));
    },
  );

  it('answers JSON with an empty charset with 415', async () => {
    const response = await post(await start(), '{"name":"x"}', 'application/json; charset=');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error_code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers malformed JSON with 400 and the position, echoing nothing', async () => {
    const response = await post(await start(), '{"a": }', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(
      badRequest("JSON parse error: unexpected token '}' at position 6."),
    );
  });

  it('never echoes the body of a long malformed document', async () => {
    const payload = `{"password": "hunter2-${'x'.repeat(200)}", }`;
    const response = await post(await start(), payload, 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('hunter2');
    expect(response.json()).toEqual(
      badRequest("JSON parse error: unexpected token '}' at position 225."),
    );
  });

  it.each([
    ['empty (Content-Length: 0)', ''],
    ['absent', undefined],
  ])('answers a JSON body that is %s with 400', async (_what, payload) => {
    const response = await post(await start(), payload, 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(badRequest('JSON parse error: the request body is empty.'));
  });

  it('answers a whitespace-only JSON body with 400 as empty, as Express does', async () => {
    const response = await post(await start(), '   ', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(badRequest('JSON parse error: the request body is empty.'));
  });

  it.each([
    ['__proto__', '{"a": 1, "__proto__": {"admin": true}}'],
    ['constructor.prototype', '{"constructor": {"prototype": {"admin": true}}}'],
  ])('refuses a %s key, as Fastify does by default', async (_what, payload) => {
    const response = await post(await start(), payload, 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(
      badRequest(
        'JSON parse error: the body uses a forbidden property name (__proto__ or constructor.prototype).',
      ),
    );
  });

  it("follows the app's onProtoPoisoning setting", async () => {
    const app = await start({}, { onProtoPoisoning: 'remove' });
    const response = await post(app, '{"a": 1, "__proto__": {"admin": true}}', 'application/json');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ body: { a: 1 } });
  });

  it('answers a body over bodyLimit with 413 PAYLOAD_TOO_LARGE', async () => {
    const app = await start({}, { bodyLimit: 16 });
    const response = await post(app, JSON.stringify({ name: 'x'.repeat(64) }), 'application/json');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual(
      expected(413, 'content-too-large', 'Content Too Large', {
        detail: 'The request body is larger than the limit of 16 bytes.',
        error_code: 'PAYLOAD_TOO_LARGE',
      }),
    );
  });

  it("applies a route's own bodyLimit", async () => {
    const app = await build((app) => {
      app.post('/small', { bodyLimit: 8 }, async () => ({ ok: true }));
    });
    const response = await post(app, '{"name":"abcdefgh"}', 'application/json', '/small');
    expect(response.statusCode).toBe(413);
  });

  it('answers a Content-Length the body does not match with 400', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: '{"name":"x"}',
      headers: { 'content-type': 'application/json', 'content-length': '20' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(
      badRequest('The request body does not match its Content-Length.'),
    );
  });

  it('reads a compressed body as it was sent: Fastify decodes no Content-Encoding', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: gzipSync('{"name":"x"}'),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(
      badRequest('JSON parse error: the request body is not valid UTF-8.'),
    );
  });

  describe('with acceptTextPlain', () => {
    it('keeps text/plain bodies for routes that take them', async () => {
      const app = await start({ json: { acceptTextPlain: true } });
      const response = await post(app, 'hello', 'text/plain');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ body: 'hello' });
    });

    it('still answers 415 when a route with an object body schema gets text', async () => {
      const app = await start({ json: { acceptTextPlain: true } });
      const response = await post(app, 'hello', 'text/plain', '/datasets');
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual(unsupported());
    });
  });

  it('lets an encapsulated plugin take text/plain again', async () => {
    const app = await build((app) => {
      app.register(async (child) => {
        child.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) =>
          done(null, body),
        );
        child.post('/notes', async (request) => ({ note: request.body as unknown }));
      });
      app.post('/echo', async (request) => ({ body: request.body as unknown }));
    });
    expect((await post(app, 'hi', 'text/plain', '/notes')).json()).toEqual({ note: 'hi' });
    expect((await post(app, 'hi', 'text/plain', '/echo')).statusCode).toBe(415);
  });

  describe("with json: false (Fastify's own parsers)", () => {
    it('still answers malformed JSON with 400 VALIDATION_ERROR, without the position', async () => {
      const response = await post(await start({ json: false }), '{"a": }', 'application/json');
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toContain('"a"');
      expect(response.json()).toEqual(badRequest('JSON parse error: the body is not valid JSON.'));
    });

    it('answers an empty JSON body with 400', async () => {
      const response = await post(await start({ json: false }), '', 'application/json');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual(badRequest('JSON parse error: the request body is empty.'));
    });

    it('answers an unknown media type with 415 and no detail', async () => {
      const response = await post(await start({ json: false }), '<x/>', 'application/xml');
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual(
        expected(415, 'unsupported-media-type', 'Unsupported Media Type', {
          error_code: 'UNSUPPORTED_MEDIA_TYPE',
        }),
      );
    });

    it('answers text to a route with an object body schema with 415', async () => {
      const response = await post(await start({ json: false }), 'hi', 'text/plain', '/datasets');
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual(unsupported());
    });
  });

  if (version.major === 5) {
    it('answers a QUERY request without a Content-Type with 415', async () => {
      const app = await build((app) => {
        app.route({ method: 'QUERY', url: '/search', handler: async () => ({ ok: true }) });
      });
      const response = await app.inject({ method: 'QUERY' as 'GET', url: '/search' });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual(unsupported());
    });
  }
});
