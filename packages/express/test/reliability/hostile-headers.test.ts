import { problemClientErrors, problemHandlers } from '@faultline/express';
import {
  exchange,
  httpRequest,
  LATIN1_HEADER_VALUE,
  onlyResponse,
  openConnections,
  portOf,
  shutdown,
  UNSENDABLE_HEADER_VALUES,
  watchProcessFailures,
} from '@faultline/test-support';
import { frameworks } from '../helpers/frameworks';
import { expectProblemAnswer, problems } from './support/answers';
import { type HostileServer, startHostileServer } from './support/hostile-app';

const failures = watchProcessFailures();

const unexpected = (instance: string) => problems.unexpected(instance);

describe.each(frameworks)('hostile request heads, on $name', (framework) => {
  let hostile: HostileServer;

  beforeAll(async () => {
    hostile = await startHostileServer(framework);
  });
  afterAll(async () => {
    await shutdown(hostile.server);
  });
  afterEach(async () => {
    expect(failures).toEqual([]);
    expect(hostile.socketErrors).toEqual([]);
    expect(await openConnections(hostile.server)).toBe(0);
  });

  const send = (bytes: string | Buffer) => exchange(portOf(hostile.server), bytes);
  const postJson = (contentType: string | undefined, body = '{"name":"caf\u00e9"}') =>
    send(
      httpRequest(
        'POST',
        '/echo',
        {
          ...(contentType === undefined ? {} : { 'Content-Type': contentType }),
          'Content-Length': Buffer.byteLength(body),
        },
        body,
      ),
    );

  describe('Content-Type parameters and charsets', () => {
    it.each([
      // A charset parameter with no value sign is no charset: UTF-8, JSON's only encoding.
      'application/json; charset',
      'application/json;;;',
      'application/json; foo',
      'application/json; charset=UTF-8',
      'APPLICATION/JSON; CHARSET=utf-8',
      // The first of duplicated parameters counts.
      'application/json; charset=utf-8; charset=latin1',
      'application/json ; charset = utf-8',
      'application/merge-patch+json',
    ])('parses the body sent as %j', async (contentType) => {
      const response = onlyResponse(await postJson(contentType));
      expect(response.status).toBe(201);
      expect(JSON.parse(response.body)).toEqual({ name: 'caf\u00e9' });
    });

    it.each([
      // RFC 8259 makes UTF-8 the only encoding of JSON: an empty charset is the client's fault too.
      'application/json; charset=',
      'application/json; charset=""',
      'application/json; charset="',
      'application/json; charset=utf-16le',
      'application/json; charset=utf-99',
      'application/json; charset=latin1',
      'application/json; charset=latin1; charset=utf-8',
      'application/json; charset=\u00ff',
      'application/json; charset=nonsense-that-goes-on',
    ])('refuses %j with 415 (a charset JSON is never sent in)', async (contentType) => {
      expectProblemAnswer(
        await postJson(contentType),
        415,
        problems.unsupported('JSON request bodies must be encoded in UTF-8.', '/echo'),
      );
    });

    it.each([
      '',
      'text/plain',
      'application/jsonx',
      'application/json, text/plain',
      'multipart/form-data; boundary=',
      '*/*',
      'application/',
      '/json',
      ';charset=utf-8',
      'application/x-www-form-urlencoded',
    ])('refuses the Content-Type %j with 415 and Accept', async (contentType) => {
      const response = expectProblemAnswer(
        await postJson(contentType),
        415,
        problems.unsupported('Content-Type must be application/json', '/echo'),
      );
      expect(response.headers.accept).toBe('application/json, application/*+json');
    });

    it('refuses a body sent with no Content-Type at all with 415', async () => {
      expectProblemAnswer(
        await postJson(undefined),
        415,
        problems.unsupported('Content-Type must be application/json', '/echo'),
      );
    });
  });

  describe('CR/LF aimed at response headers', () => {
    it('answers 500 when a handler builds ProblemError headers from input carrying CR/LF (the core refuses them)', async () => {
      const response = expectProblemAnswer(
        await send(httpRequest('GET', '/unavailable?after=5&note=a%0D%0ASet-Cookie:%20injected=1')),
        500,
        unexpected('/unavailable'),
      );
      expect(response.headers).not.toHaveProperty('set-cookie');
      expect(response.headers).not.toHaveProperty('x-request-note');
    });

    it('answers 500 for a Retry-After built from input that is not a number', async () => {
      expectProblemAnswer(
        await send(httpRequest('GET', '/unavailable?after=1%0D%0AX-Injected:%201')),
        500,
        unexpected('/unavailable'),
      );
    });

    it('sends the Retry-After a handler built from a clean number', async () => {
      const response = expectProblemAnswer(
        await send(httpRequest('GET', '/unavailable?after=%207%20')),
        503,
        {
          status: 503,
          title: 'Service Unavailable',
          type: 'about:blank',
          instance: '/unavailable',
        },
      );
      expect(response.headers['retry-after']).toBe('7');
      expect(response.headers['x-request-note']).toBe('none');
    });

    it('answers 500 for an Allow method built from input carrying CR/LF', async () => {
      const response = expectProblemAnswer(
        await send(httpRequest('GET', '/methods?method=GET%0D%0AX-Injected:%201')),
        500,
        unexpected('/methods'),
      );
      expect(response.headers).not.toHaveProperty('x-injected');
    });

    it('drops an http-errors header whose value carries CR/LF, and keeps the 429', async () => {
      const response = expectProblemAnswer(
        await send(httpRequest('GET', '/legacy?after=1%0D%0ASet-Cookie:%20injected=1')),
        429,
        {
          status: 429,
          title: 'Too Many Requests',
          type: 'about:blank',
          detail: 'Slow down.',
          instance: '/legacy',
          error_code: 'RATE_LIMIT_EXCEEDED',
        },
      );
      expect(response.headers['retry-after']).toBe('60');
      expect(response.headers).not.toHaveProperty('set-cookie');
    });
  });

  describe('request targets', () => {
    it.each([
      ['%FF%FE', '%FF%FE'],
      ['%', '%25'],
      ['%E0%A4%A', '%E0%A4%25A'],
      ['%C0%AF', '%C0%AF'],
      ['%ZZ', '%25ZZ'],
    ])(
      'answers the undecodable path /v2/datasets/%s with a 400 problem, never a 5xx',
      async (id, instanceId) => {
        expectProblemAnswer(
          await send(httpRequest('GET', `/v2/datasets/${id}`)),
          400,
          problems.badRequest(
            'The request URL is not correctly percent-encoded.',
            `/v2/datasets/${instanceId}`,
          ),
        );
      },
    );

    it.each([
      ['/a{b}|c^d`e\\f[g]h<i>j', '/a%7Bb%7D%7Cc%5Ed%60e%5Cf%5Bg%5Dh%3Ci%3Ej'],
      ['//evil.example/phish', '/%2Fevil.example/phish'],
    ])('gives %j an instance that is a path-absolute URI reference', async (path, instance) => {
      const bytes = Buffer.concat([
        Buffer.from('GET '),
        Buffer.from(path, 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
      ]);
      expectProblemAnswer(await send(bytes), 404, {
        status: 404,
        title: 'Not Found',
        type: 'about:blank',
        detail: 'No resource exists at this URL.',
        instance,
        error_code: 'RESOURCE_NOT_FOUND',
      });
    });

    it.each([
      ['/100%', '/100%25'],
      ['/%41%zz', '/%41%25zz'],
    ])(
      'answers the undecodable path %j with 400, its instance a valid URI reference',
      async (path, instance) => {
        const bytes = `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;
        expectProblemAnswer(
          await send(bytes),
          400,
          problems.badRequest('The request URL is not correctly percent-encoded.', instance),
        );
      },
    );

    it('answers an unknown method token with a 400 problem and closes the connection', async () => {
      const response = expectProblemAnswer(
        await send('FOO /v2/datasets/1 HTTP/1.1\r\nHost: localhost\r\n\r\n'),
        400,
        problems.badRequest('The request is not valid HTTP/1.1.'),
      );
      expect(response.headers.connection).toBe('close');
    });

    it('answers headers too large with 431 and closes the connection', async () => {
      const response = expectProblemAnswer(
        await send(
          `GET /v2/datasets/1 HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
        ),
        431,
        {
          status: 431,
          title: 'Request Header Fields Too Large',
          type: 'about:blank',
          detail: 'The request headers are larger than this server accepts.',
          error_code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
        },
      );
      expect(response.headers.connection).toBe('close');
    });

    it('answers a raw CR/LF or NUL in a header value with a 400 problem', async () => {
      for (const value of ['a\rb', 'a\0b']) {
        expectProblemAnswer(
          await send(`GET /v2/datasets/1 HTTP/1.1\r\nHost: localhost\r\nX-Bad: ${value}\r\n\r\n`),
          400,
          problems.badRequest('The request is not valid HTTP/1.1.'),
        );
      }
    });

    it('still serves a well-formed request after all of that', async () => {
      const response = onlyResponse(await send(httpRequest('GET', '/v2/datasets/7')));
      expect(response.status).toBe(200);
      expect(response.body).toBe('{"id":"7"}');
    });
  });
});

describe('challenge options that would reach WWW-Authenticate', () => {
  it.each([...UNSENDABLE_HEADER_VALUES, LATIN1_HEADER_VALUE])(
    'are refused at start-up when the realm holds %s',
    (_what, realm) => {
      expect(() => problemHandlers({ challenge: { realm } })).toThrow(TypeError);
      expect(() => problemClientErrors({ on: () => undefined }, { challenge: { realm } })).toThrow(
        TypeError,
      );
    },
  );

  it('accept an ASCII realm with quotes (escaped when sent)', () => {
    expect(() => problemHandlers({ challenge: { realm: 'Zurich "API"' } })).not.toThrow();
  });
});
