import {
  assertProblemResponse,
  exchange,
  httpRequest,
  onlyResponse,
  type WireResponse,
  watchProcessFailures,
} from '@faultline/test-support';
import type { FastifyInstance } from 'fastify';
import createError from 'http-errors';
import { expected, problems, versions } from '../helpers';
import { closeCleanly, type Listening, startHostileApp } from './support/hostile-app';

// Generous for a loaded 2-core runner; nothing here asserts how long anything takes.
jest.setTimeout(120_000);

const failures = watchProcessFailures();

const MiB = 1024 * 1024;
const DEPTH = 100_000;

const badJson = (detail: string, instance = '/echo') =>
  expected(400, 'invalid-request', 'Bad Request', {
    detail,
    instance,
    error_code: 'VALIDATION_ERROR',
  });
const unsupported = (detail: string) =>
  expected(415, 'unsupported-media-type', 'Unsupported Media Type', {
    detail,
    instance: '/echo',
    error_code: 'UNSUPPORTED_MEDIA_TYPE',
  });
const forbiddenName = badJson(
  'JSON parse error: the body uses a forbidden property name (__proto__ or constructor.prototype).',
  '/merge',
);

/** The naive deep merge found in many code bases: it pollutes Object.prototype given `__proto__`. */
function merge(target: Record<string, unknown>, source: unknown): Record<string, unknown> {
  if (typeof source !== 'object' || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    if (typeof value === 'object' && value !== null) {
      const next = (target[key] ?? {}) as Record<string, unknown>;
      target[key] = merge(next, value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

function routes(app: FastifyInstance): void {
  app.post('/echo', async (request) => ({
    kind: Array.isArray(request.body) ? 'array' : typeof request.body,
  }));
  app.post(
    '/datasets',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' } },
        },
      },
    },
    async (request, reply) => reply.code(201).send(request.body),
  );
  app.post('/merge', async (request) => ({ merged: Object.keys(merge({}, request.body)) }));
  // Details built from what the client sent, megabytes of it.
  app.post('/feedback', { bodyLimit: 8 * MiB }, async (request) => {
    throw new problems.ProblemError('INVALID_FIELD_VALUE', {
      detail: (request.body as { text: string }).text,
    });
  });
  app.post('/upstream', { bodyLimit: 8 * MiB }, async (request) => {
    throw createError(400, (request.body as { text: string }).text);
  });
  app.addSchema({ $id: 'tree', type: 'array', items: { $ref: 'tree#' } });
  app.post('/tree', { schema: { body: { $ref: 'tree#' } } }, async () => ({ ok: true }));
}

describe.each(versions)('%s: hostile bodies', (_name, version) => {
  let server: Listening & { readonly warnings: string[] };
  /** The same routes on an app that strips poisoned keys instead of refusing them. */
  let stripping: Listening & { readonly warnings: string[] };
  let prototypeNames: string[];

  beforeAll(async () => {
    prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
    server = await startHostileApp(version, routes);
    stripping = await startHostileApp(version, routes, {
      onProtoPoisoning: 'remove',
      onConstructorPoisoning: 'remove',
    });
  });
  afterAll(async () => {
    await closeCleanly(server);
    await closeCleanly(stripping);
    expect(server.warnings).toEqual([]);
    expect(stripping.warnings).toEqual([]);
  });

  async function post(
    path: string,
    body: string | Buffer | undefined,
    contentType: string | null = 'application/json',
    on: Listening = server,
  ): Promise<WireResponse> {
    const headers = contentType === null ? {} : { 'Content-Type': contentType };
    return onlyResponse(await exchange(on.port, [httpRequest('POST', path, headers, body ?? '')]));
  }

  async function problemFor(...args: Parameters<typeof post>): Promise<Record<string, unknown>> {
    return assertProblemResponse(await post(...args));
  }

  it.each([
    ['{', 'unexpected end of input at position 1'],
    ['}', "unexpected token '}' at position 0"],
    ['{"a":}', "unexpected token '}' at position 5"],
    ['{"a" 1}', "unexpected token '1' at position 5"],
    ["{'a':1}", 'unexpected token U+0027 at position 1'],
    ['{a:1}', "unexpected token 'a' at position 1"],
    ['[1,]', "unexpected token ']' at position 3"],
    ['{"a":1,}', "unexpected token '}' at position 7"],
    ['NaN', "unexpected token 'N' at position 0"],
    ['-Infinity', "unexpected token 'I' at position 1"],
    ['undefined', "unexpected token 'u' at position 0"],
    ['01', "unexpected token '1' at position 1"],
    ['1.', "unexpected token '.' at position 1"],
    ['.5', "unexpected token '.' at position 0"],
    ['+1', "unexpected token '+' at position 0"],
    ['1e', "unexpected token 'e' at position 1"],
    ['0x10', "unexpected token 'x' at position 1"],
    ['-', 'unexpected end of input at position 1'],
    ['"unterminated', 'unexpected end of input at position 13'],
    ['"a\u0001b"', 'unexpected token U+0001 at position 2'],
    ['"\\u12"', "unexpected token '\\' at position 1"],
    ['"\\x"', "unexpected token '\\' at position 1"],
    ['tru', 'unexpected end of input at position 3'],
    ['nul', 'unexpected end of input at position 3'],
    ['{"a":1}}', "unexpected token '}' at position 7"],
    ['{"a":1} x', "unexpected token 'x' at position 8"],
    ['{"a":1}{"b":2}', "unexpected token '{' at position 7"],
    ['[1 2]', "unexpected token '2' at position 3"],
    ['{"a":1 "b":2}', `unexpected token '"' at position 7`],
    ['{"a"::1}', "unexpected token ':' at position 5"],
    ['{,}', "unexpected token ',' at position 1"],
    ['[,1]', "unexpected token ',' at position 1"],
    ['{"a":1,"b"}', "unexpected token '}' at position 10"],
    ['\u0000', 'unexpected token U+0000 at position 0'],
    ['//c\n{}', "unexpected token '/' at position 0"],
    ['/*c*/{}', "unexpected token '/' at position 0"],
    ['   ', 'the request body is empty'],
    ['\t\n', 'the request body is empty'],
    ['\ufeff{', 'unexpected end of input at position 1'],
    [',', "unexpected token ',' at position 0"],
  ])('malformed JSON %j: 400 naming the position, never echoing the body', async (body, fault) => {
    const problem = await problemFor('/echo', body);
    expect(problem).toEqual(badJson(`JSON parse error: ${fault}.`));
    if (body.length >= 3) expect(problem.detail).not.toContain(body);
  });

  it('a body cut short at every byte: 400 at the end of the input', async () => {
    const whole = '{"name":"dataset","tags":["a","b"],"size":125,"ok":true,"none":null}';
    expect(JSON.parse(whole)).toBeDefined();
    for (let length = 1; length < whole.length; length++) {
      expect(await problemFor('/echo', whole.slice(0, length))).toEqual(
        badJson(`JSON parse error: unexpected end of input at position ${length}.`),
      );
    }
    expect(await problemFor('/echo', '')).toEqual(
      badJson('JSON parse error: the request body is empty.'),
    );
  });

  it('50 MB announced, 64 KB sent: 413 before the rest is read', async () => {
    const head = `POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * MiB}\r\n\r\n`;
    const result = await exchange(server.port, [head, Buffer.alloc(64 * 1024, 0x20)], {
      untilResponse: true,
    });
    expect(result.ending === 'client-closed' || result.ending === 'closed').toBe(true);
    const [response] = result.responses;
    expect(assertProblemResponse(response!)).toEqual(
      expected(413, 'content-too-large', 'Content Too Large', {
        detail: 'The request body is larger than the limit of 1048576 bytes.',
        instance: '/echo',
        error_code: 'PAYLOAD_TOO_LARGE',
      }),
    );
  });

  it('a chunked body that grows past the limit: 413', async () => {
    const chunk = Buffer.concat([
      Buffer.from('10000\r\n'),
      Buffer.alloc(0x10000, 0x20),
      Buffer.from('\r\n'),
    ]);
    const head =
      'POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const result = await exchange(server.port, [head, ...Array(20).fill(chunk)], {
      untilResponse: true,
    });
    const [response] = result.responses;
    expect(assertProblemResponse(response!)).toMatchObject({
      status: 413,
      error_code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('one byte over the limit: 413', async () => {
    const body = `[${' '.repeat(MiB - 1)}]`;
    expect(await problemFor('/echo', body)).toMatchObject({
      status: 413,
      error_code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it.each([
    ['unclosed', '['.repeat(DEPTH)],
    ['unclosed objects', '{"a":'.repeat(DEPTH)],
  ])('%s nesting 100k deep: 400, the stack intact', async (_what, body) => {
    expect(await problemFor('/echo', body)).toEqual(
      badJson(`JSON parse error: unexpected end of input at position ${body.length}.`),
    );
  });

  it.each([
    ['arrays', `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, 'array'],
    ['objects', `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`, 'object'],
  ])('valid %s nested 100k deep: parsed, 200', async (_what, body, kind) => {
    const response = await post('/echo', body);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ kind });
  });

  it.each([
    ['__proto__', `${'{"a":'.repeat(DEPTH)}{"__proto__":{"polluted":true}}${'}'.repeat(DEPTH)}`],
    [
      'constructor.prototype',
      `${'['.repeat(DEPTH)}{"constructor":{"prototype":{"polluted":true}}}${']'.repeat(DEPTH)}`,
    ],
  ])('a %s key 100k levels down: 400', async (_what, body) => {
    expect(await problemFor('/merge', body)).toEqual(forbiddenName);
  });

  it('100k nested arrays where the schema wants an object: 400 naming the type', async () => {
    const body = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
    const detail = 'The request body must be of type object.';
    expect(await problemFor('/datasets', body)).toEqual({
      ...badJson(detail, '/datasets'),
      errors: [{ detail, pointer: '#' }],
    });
  });

  it('100k nested arrays against a recursive schema: a problem, never a crash', async () => {
    const body = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
    const problem = await problemFor('/tree', body);
    // Ajv recurses with the schema and overflows the stack. Fastify 5 reports the validator's
    // failure as a validation error; Fastify 4 passes the RangeError on, which is a 500.
    expect(problem).toEqual(
      version.major === 5
        ? badJson('The request body is invalid.', '/tree')
        : expected(500, 'internal-server-error', 'Internal Server Error', {
            detail: 'An unexpected error occurred.',
            instance: '/tree',
          }),
    );
  });

  it.each([
    ['in a string', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]],
    ['between tokens', [0x7b, 0xff, 0x7d]],
    ['a sequence cut at the end', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82]],
    ['an overlong encoding of /', [0x22, 0xc0, 0xaf, 0x22]],
    ['an encoded surrogate', [0x22, 0xed, 0xa0, 0x80, 0x22]],
    ['a byte never used in UTF-8', [0x22, 0xf5, 0x80, 0x80, 0x80, 0x22]],
    ['a lone continuation byte', [0x22, 0x80, 0x22]],
  ])('invalid UTF-8 %s: 400, not a body silently altered', async (_what, bytes) => {
    expect(await problemFor('/echo', Buffer.from(bytes))).toEqual(
      badJson('JSON parse error: the request body is not valid UTF-8.'),
    );
  });

  it('valid UTF-8 of every width is read as sent', async () => {
    const name = 'dataset é ü ß 日本 😀';
    const response = await post('/datasets', JSON.stringify({ name }));
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ name });
  });

  it.each([
    'application/json; charset=',
    'application/json; charset=utf-99',
    'application/json; charset="',
    'application/json; charset=latin1; charset=utf-8',
    'application/json; charset=utf-16le',
    'application/json; charset=ut\u00e9',
  ])('Content-Type %j: 415 problem', async (contentType) => {
    const problem = await problemFor('/echo', '{"a":1}', contentType);
    expect(problem).toMatchObject({ status: 415, error_code: 'UNSUPPORTED_MEDIA_TYPE' });
    // Fastify 4 refuses some of these headers itself, before the JSON parser sees the charset.
    expect([
      'JSON request bodies must be encoded in UTF-8.',
      'Content-Type must be application/json',
    ]).toContain(problem.detail);
  });

  it.each([
    'application/json; charset=UTF-8',
    'application/json; charset="utf-8"',
    // The first charset parameter is the one read: the body is UTF-8 either way.
    'application/json; charset=utf-8; charset=latin1',
    'application/json; foo=bar; foo=baz',
  ])('Content-Type %j: read as JSON', async (contentType) => {
    const response = await post('/echo', '{"a":1}', contentType);
    expect(response.status).toBe(200);
  });

  it.each([
    ['no Content-Type at all', null],
    ['an empty Content-Type', ''],
    ['text/plain', 'text/plain'],
    ['a media type of one word', 'json'],
    ['a list of media types', 'application/json, text/plain'],
  ])('a body with %s: 415', async (_what, contentType) => {
    expect(await problemFor('/echo', '{"a":1}', contentType)).toEqual(
      unsupported('Content-Type must be application/json'),
    );
  });

  it.each([
    '{"__proto__":{"polluted":true}}',
    '{"a":{"__proto__":{"polluted":true}}}',
    '[{"__proto__":{"polluted":true}}]',
    '{"\\u005f_proto__":{"polluted":true}}',
    '{"\\u005F\\u005Fproto\\u005F\\u005F":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":[{"constructor":{"prototype":{"polluted":true}}}]}',
  ])('prototype poisoning %s: 400, and nothing polluted', async (body) => {
    expect(await problemFor('/merge', body)).toEqual(forbiddenName);
    // With onProtoPoisoning 'remove', the key is dropped and the merge is harmless.
    const response = await post('/merge', body, 'application/json', stripping);
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });

  it('a detail built from megabytes of input is cut to 1024 characters', async () => {
    const text = 'x'.repeat(3 * MiB);
    const cut = `${'x'.repeat(1023)}…`;
    expect(await problemFor('/feedback', JSON.stringify({ text }))).toEqual(
      expected(422, 'validation-error', 'Unprocessable Entity', {
        detail: cut,
        instance: '/feedback',
        error_code: 'INVALID_FIELD_VALUE',
      }),
    );
    expect(await problemFor('/upstream', JSON.stringify({ text }))).toEqual(
      badJson(cut, '/upstream'),
    );
  });

  it('a detail built from input that tries to break out of JSON and HTTP stays text', async () => {
    const text = '"}\r\nSet-Cookie: stolen=1\r\n\r\n<script>{"status":200}';
    const response = await post('/feedback', JSON.stringify({ text }));
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(assertProblemResponse(response).detail).toBe(text);
  });
});

it('nothing crashed and no rejection went unhandled', () => {
  expect(failures).toEqual([]);
});
