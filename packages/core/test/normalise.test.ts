import { createNormaliser, defineProblems, normalise, ProblemError } from '@faultline/core';
import { UNEXPECTED_ERROR_DETAIL } from '@faultline/core/adapter';
import Boom from '@hapi/boom';
import createHttpError from 'http-errors';
import { isValidProblem } from './problem-schema';

const problemHeaders = {
  'Content-Type': 'application/problem+json',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

describe('normalise: ProblemError', () => {
  it('answers with the code, status, title and type, and the given detail and instance', () => {
    const response = normalise(
      new ProblemError('RESOURCE_NOT_FOUND', {
        detail: 'No such dataset.',
        instance: '/v2/datasets/x',
      }),
    );
    expect(response).toEqual({
      status: 404,
      headers: problemHeaders,
      body: {
        status: 404,
        title: 'Not Found',
        type: 'about:blank',
        detail: 'No such dataset.',
        instance: '/v2/datasets/x',
        error_code: 'RESOURCE_NOT_FOUND',
      },
    });
  });

  it('serialises members in RFC order, extensions last', () => {
    const { body } = normalise(
      new ProblemError('VALIDATION_ERROR', {
        extensions: { zeta: 1, alpha: 2 },
        instance: '/i',
        detail: 'd',
      }),
    );
    expect(Object.keys(body)).toEqual([
      'status',
      'title',
      'type',
      'detail',
      'instance',
      'error_code',
      'zeta',
      'alpha',
    ]);
  });

  it('resolves the type URI with the registry it is given', () => {
    const { registry } = defineProblems({ typeBase: 'https://api.example.com/docs/errors' });
    const { body } = createNormaliser({ registry })(new ProblemError('ACCESS_DENIED'));
    expect(body.type).toBe('https://api.example.com/docs/errors#access-forbidden');
    expect(body.title).toBe('Forbidden');
  });

  it('takes the instance from the context when the error names none', () => {
    expect(
      normalise(new ProblemError('RESOURCE_NOT_FOUND'), { instance: '/a' }).body.instance,
    ).toBe('/a');
    expect(
      normalise(new ProblemError('RESOURCE_NOT_FOUND', { instance: '/own' }), { instance: '/a' })
        .body.instance,
    ).toBe('/own');
  });

  it("percent-encodes an instance built from what a client sent, its own or the context's", () => {
    const own = new ProblemError('RESOURCE_NOT_FOUND', { instance: '/datasets/my report "Q1"' });
    expect(normalise(own).body.instance).toBe('/datasets/my%20report%20%22Q1%22');
    expect(normalise(new ProblemError('ACCESS_DENIED'), { instance: '/a b' }).body.instance).toBe(
      '/a%20b',
    );
  });

  it('never serialises the cause', () => {
    const response = normalise(
      new ProblemError('RESOURCE_ALREADY_EXISTS', {
        detail: 'taken',
        cause: new Error('UNIQUE constraint'),
      }),
    );
    expect(JSON.stringify(response)).not.toContain('UNIQUE');
  });

  it('copies its own headers', () => {
    const { headers } = normalise(
      new ProblemError('UNSUPPORTED_MEDIA_TYPE', {
        headers: { 'Accept-Encoding': 'gzip, deflate' },
      }),
    );
    expect(headers['Accept-Encoding']).toBe('gzip, deflate');
  });
});

describe('normalise: the 5xx rule', () => {
  it('answers anything unknown with a generic 500 that leaks nothing', () => {
    const error = new Error('password=hunter2');
    const response = normalise(error);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      status: 500,
      title: 'Internal Server Error',
      type: 'about:blank',
      detail: UNEXPECTED_ERROR_DETAIL,
    });
    expect(JSON.stringify(response)).not.toContain('hunter2');
  });

  it('gives 502 and 503 no detail and no error_code unless a detail was chosen', () => {
    expect(normalise(new ProblemError('BAD_GATEWAY')).body).toEqual({
      status: 502,
      title: 'Bad Gateway',
      type: 'about:blank',
    });
    expect(
      normalise(new ProblemError('SERVICE_UNAVAILABLE', { detail: 'Back at noon.' })).body,
    ).toEqual({
      status: 503,
      title: 'Service Unavailable',
      type: 'about:blank',
      detail: 'Back at noon.',
    });
  });

  it('hides the message of an http-errors 5xx even when it claims to be exposed', () => {
    const error = Object.assign(createHttpError(503, 'db host 10.0.0.7 down'), { expose: true });
    expect(JSON.stringify(normalise(error).body)).not.toContain('10.0.0.7');
  });

  it('never puts a stack in the body unless exposeStack is set', () => {
    const error = new Error('boom');
    expect(normalise(error).body).not.toHaveProperty('stack');
    expect(createNormaliser({ exposeStack: true })(error).body.stack).toBe(error.stack);
  });
});

describe('normalise: errors shaped like http-errors, Fastify and Boom', () => {
  it('maps a 4xx status to the catalogue code and exposes the message only when marked safe', () => {
    expect(normalise(createHttpError(404, 'No dataset here')).body).toMatchObject({
      status: 404,
      detail: 'No dataset here',
      error_code: 'RESOURCE_NOT_FOUND',
    });
    const hidden = normalise({ statusCode: 409, message: 'row 17 locked by tx 99' });
    expect(hidden.body).toEqual({
      status: 409,
      title: 'Conflict',
      type: 'about:blank',
      error_code: 'RESOURCE_ALREADY_EXISTS',
    });
  });

  it.each([
    [401, 'AUTHENTICATION_REQUIRED'],
    [403, 'ACCESS_DENIED'],
    [405, 'METHOD_NOT_ALLOWED'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [422, 'INVALID_FIELD_VALUE'],
    [429, 'RATE_LIMIT_EXCEEDED'],
    [400, 'VALIDATION_ERROR'],
  ])('maps status %i to %s', (status, code) => {
    expect(normalise(createHttpError(status)).body.error_code).toBe(code);
  });

  it('gives a status outside the catalogue a reason-phrase title and a code derived from it', () => {
    expect(normalise(createHttpError(410)).body).toEqual({
      status: 410,
      title: 'Gone',
      type: 'about:blank',
      detail: 'Gone',
      error_code: 'GONE',
    });
  });

  it("keeps an error's own code when it is a catalogue code of that status", () => {
    const error = createHttpError(422, 'bad', { code: 'INVALID_ENUM_VALUE' });
    expect(normalise(error).body.error_code).toBe('INVALID_ENUM_VALUE');
    const mismatched = createHttpError(404, 'x', { code: 'INVALID_ENUM_VALUE' });
    expect(normalise(mismatched).body.error_code).toBe('RESOURCE_NOT_FOUND');
    const foreign = Object.assign(new Error('x'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
    expect(normalise(foreign).body.error_code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('honours statusCode when status is absent or invalid', () => {
    expect(normalise({ status: 'abc', statusCode: 418 }).status).toBe(418);
  });

  it('copies safe headers and drops the unsafe ones', () => {
    const error = createHttpError(429, 'slow down', {
      headers: {
        'Retry-After': '7',
        'X-Trace': 'a\r\nSet-Cookie: x=1',
        'Content-Type': 'text/html',
        Link: '</a>',
      },
    });
    const { headers } = normalise(error);
    expect(headers['Retry-After']).toBe('7');
    expect(headers.Link).toBe('</a>');
    expect(headers).not.toHaveProperty('X-Trace');
    expect(headers['Content-Type']).toBe('application/problem+json');
  });

  it('reads Boom: 4xx message shown, 5xx hidden, headers kept', () => {
    expect(normalise(Boom.notFound('missing dataset')).body).toMatchObject({
      status: 404,
      detail: 'missing dataset',
      error_code: 'RESOURCE_NOT_FOUND',
    });
    expect(normalise(Boom.badImplementation('secret sauce')).body).toEqual({
      status: 500,
      title: 'Internal Server Error',
      type: 'about:blank',
      detail: UNEXPECTED_ERROR_DETAIL,
    });
    const unauthorized = normalise(Boom.unauthorized('expired', 'Bearer'));
    expect(unauthorized.headers['WWW-Authenticate']).toMatch(/^Bearer/);
    expect(normalise(Boom.tooManyRequests()).headers['Retry-After']).toBe('60');
  });
});

describe('normalise: required headers', () => {
  it('always sends Retry-After on 429: the given seconds, else the configured default', () => {
    expect(
      normalise(new ProblemError('RATE_LIMIT_EXCEEDED', { retryAfter: 12 })).headers['Retry-After'],
    ).toBe('12');
    expect(
      createNormaliser({ retryAfter: 5 })(new ProblemError('RATE_LIMIT_EXCEEDED')).headers[
        'Retry-After'
      ],
    ).toBe('5');
    expect(normalise(new ProblemError('RATE_LIMIT_EXCEEDED')).headers['Cache-Control']).toBe(
      'no-store',
    );
  });

  it("sends Cache-Control: no-store on every problem, unless the error chose its own; a 429's is always no-store", () => {
    for (const value of [new ProblemError('RESOURCE_NOT_FOUND'), new Error('x'), 'text', null]) {
      expect(normalise(value).headers['Cache-Control']).toBe('no-store');
    }
    const own = createHttpError(404, { headers: { 'cache-control': 'max-age=60' } });
    expect(normalise(own).headers['cache-control']).toBe('max-age=60');
    expect(normalise(own).headers).not.toHaveProperty('Cache-Control');
    const limited = new ProblemError('RATE_LIMIT_EXCEEDED', {
      headers: { 'cache-control': 'max-age=60' },
    });
    const { headers } = normalise(limited);
    expect(headers['Cache-Control']).toBe('no-store');
    expect(headers).not.toHaveProperty('cache-control');
  });

  it('sends Retry-After on 503 only when given', () => {
    expect(normalise(new ProblemError('SERVICE_UNAVAILABLE')).headers).not.toHaveProperty(
      'Retry-After',
    );
    expect(
      normalise(new ProblemError('SERVICE_UNAVAILABLE', { retryAfter: 120 })).headers[
        'Retry-After'
      ],
    ).toBe('120');
  });

  it('challenges on 401, with RFC 6750 invalid_token for bad credentials', () => {
    const normaliser = createNormaliser({ challenge: { realm: 'datasets' } });
    expect(
      normaliser(new ProblemError('AUTHENTICATION_REQUIRED')).headers['WWW-Authenticate'],
    ).toBe('Bearer realm="datasets"');
    expect(normaliser(new ProblemError('INVALID_CREDENTIALS')).headers['WWW-Authenticate']).toBe(
      'Bearer realm="datasets", error="invalid_token"',
    );
    expect(normalise(createHttpError(401)).headers['WWW-Authenticate']).toBe('Bearer');
  });

  it("keeps a 401's own challenge", () => {
    const error = new ProblemError('AUTHENTICATION_REQUIRED', {
      headers: { 'WWW-Authenticate': 'Basic realm="x"' },
    });
    expect(normalise(error).headers['WWW-Authenticate']).toBe('Basic realm="x"');
  });

  it('lists Allow on 405, sorted with HEAD beside GET, empty when nothing is allowed', () => {
    expect(
      normalise(new ProblemError('METHOD_NOT_ALLOWED', { allow: ['post', 'GET'] })).headers.Allow,
    ).toBe('GET, HEAD, POST');
    expect(normalise(new ProblemError('METHOD_NOT_ALLOWED')).headers.Allow).toBe('');
  });
});

describe('normalise: mappers', () => {
  class DatasetNameTaken extends Error {}
  const normaliser = createNormaliser({
    mappers: [
      (error) =>
        error instanceof DatasetNameTaken
          ? new ProblemError('RESOURCE_ALREADY_EXISTS', { detail: error.message, cause: error })
          : undefined,
    ],
  });

  it("turns the app's own errors into problems in one place", () => {
    expect(
      normaliser(new DatasetNameTaken("A dataset named 'x' already exists.")).body,
    ).toMatchObject({
      status: 409,
      error_code: 'RESOURCE_ALREADY_EXISTS',
      detail: "A dataset named 'x' already exists.",
    });
  });

  it('passes everything else on', () => {
    expect(normaliser(createHttpError(404)).status).toBe(404);
  });

  it('answers a generic 500 when a mapper throws', () => {
    const throwing = createNormaliser({
      mappers: [
        () => {
          throw new Error('mapper bug');
        },
      ],
    });
    expect(throwing(new ProblemError('RESOURCE_NOT_FOUND')).body.detail).toBe(
      UNEXPECTED_ERROR_DETAIL,
    );
  });
});

describe('normalise: detail length', () => {
  it('cuts a detail that is too long', () => {
    const { body } = normalise(createHttpError(400, 'x'.repeat(5_000_000)));
    expect(body.detail).toHaveLength(1024);
    expect(body.detail?.endsWith('…')).toBe(true);
    expect(
      createNormaliser({ maxDetailLength: 20 })(
        new ProblemError('VALIDATION_ERROR', { detail: 'y'.repeat(50) }),
      ).body.detail,
    ).toHaveLength(20);
  });
});

describe('normalise: options are checked once, at start-up', () => {
  it.each([
    [{ retryAfter: -1 }, /retryAfter/],
    [{ retryAfter: 1.5 }, /retryAfter/],
    [{ maxDetailLength: 3 }, /maxDetailLength/],
    [{ mappers: ['nope'] }, /mappers/],
    [{ challenge: { scheme: 'Bad Scheme' } }, /scheme/],
    [{ challenge: { realm: 'a\r\nb' } }, /realm/],
  ])('rejects %p', (options, message) => {
    expect(() => createNormaliser(options as never)).toThrow(message);
  });
});

describe('normalise: hostile values never make it throw', () => {
  const circular: Record<string, unknown> = { status: 404 };
  circular.self = circular;
  const throwingGetters = Object.defineProperties(
    {},
    {
      status: {
        get() {
          throw new Error('getter');
        },
      },
      message: {
        get() {
          throw new Error('getter');
        },
      },
    },
  );
  const proxy = new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
      has() {
        throw new Error('trap');
      },
      ownKeys() {
        throw new Error('trap');
      },
      getPrototypeOf() {
        throw new Error('trap');
      },
    },
  );
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const fakeBrand = { [Symbol.for('faultline.problem-error')]: true, code: 42, status: 'x' };
  const fakeBrandValid = {
    [Symbol.for('faultline.problem-error')]: true,
    code: 'RESOURCE_NOT_FOUND',
    detail: 'from another copy',
    extensions: { status: 200, hint: 'h' },
  };
  const toStringThrows = Object.assign(new Error('x'), {
    toString() {
      throw new Error('no');
    },
  });
  const hostileHeaders = createHttpError(429, 'x', { headers: proxy });

  const cases: [string, unknown, number][] = [
    ['null', null, 500],
    ['undefined', undefined, 500],
    ['a string', 'boom', 500],
    ['a number', 42, 500],
    ['a bigint', 10n, 500],
    ['a symbol', Symbol('s'), 500],
    ['a function', () => 1, 500],
    ['a circular object', circular, 404],
    ['throwing getters', throwingGetters, 500],
    ['a Proxy that throws on every trap', proxy, 500],
    [
      'a function Proxy that throws on every trap',
      new Proxy(() => 1, {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      }),
      500,
    ],
    ['a revoked Proxy', revocable.proxy, 500],
    ['statusCode "abc"', { statusCode: 'abc' }, 500],
    ['statusCode 99', { statusCode: 99 }, 500],
    ['statusCode 600', { statusCode: 600 }, 500],
    ['statusCode NaN', { statusCode: Number.NaN }, 500],
    ['statusCode 404.5', { statusCode: 404.5 }, 500],
    ['statusCode as a string number', { statusCode: '404' }, 500],
    ['a frozen error', Object.freeze(Object.assign(new Error('f'), { status: 403 })), 403],
    [
      'an error with a non-string message',
      Object.assign(new Error(), { message: { a: 1 }, status: 400, expose: true }),
      400,
    ],
    ['a fake ProblemError brand', fakeBrand, 500],
    ['a Boom-like with a bad output', { isBoom: true, output: 5 }, 500],
    ['an error whose toString throws', toStringThrows, 500],
    ['headers that are a throwing Proxy', hostileHeaders, 429],
  ];

  // A loop, not it.each: Jest would try to print the Proxies in the test titles.
  for (const [name, value, status] of cases) {
    it(`${name} → ${status}`, () => {
      const response = normalise(value, { instance: '/here' });
      expect(response.status).toBe(status);
      expect(response.body.instance).toBe('/here');
      expect(isValidProblem(response.body)).toBe(true);
    });
  }

  it('accepts a ProblemError from another copy of the package, dropping extensions that collide', () => {
    const { body } = normalise(fakeBrandValid);
    expect(body).toEqual({
      status: 404,
      title: 'Not Found',
      type: 'about:blank',
      detail: 'from another copy',
      error_code: 'RESOURCE_NOT_FOUND',
      hint: 'h',
    });
  });
});

describe('normalise: regressions', () => {
  it('drops a foreign header value Node would refuse to send (non-ASCII), and still challenges a 401', () => {
    const response = normalise(
      Object.assign(new Error('x'), {
        status: 401,
        headers: { 'X-Note': 'Ā', 'WWW-Authenticate': 'Bearer realm="東京"' },
      }),
    );
    expect(response.headers).not.toHaveProperty('X-Note');
    expect(response.headers['WWW-Authenticate']).toBe('Bearer');
  });
});

describe('normalise: more regressions', () => {
  it('never sends a forged brand’s code that is not a code', () => {
    const forged = {
      [Symbol.for('faultline.problem-error')]: true,
      status: 404,
      code: 'not a code',
    };
    expect(normalise(forged).body.error_code).toBe('RESOURCE_NOT_FOUND');
  });

  it('does not copy headers describing another representation (Content-Encoding, ETag, ...)', () => {
    const upstream = createHttpError(409, 'x', {
      headers: { 'Content-Encoding': 'gzip', ETag: '"1"', 'X-Request-Id': 'r1' },
    });
    const { headers } = normalise(upstream);
    expect(headers).not.toHaveProperty('Content-Encoding');
    expect(headers).not.toHaveProperty('ETag');
    expect(headers['X-Request-Id']).toBe('r1');
  });
});
