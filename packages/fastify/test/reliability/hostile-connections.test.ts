import {
  assertProblemResponse,
  type Exchange,
  exchange,
  httpRequest,
  onlyResponse,
  watchProcessFailures,
} from '@faultline/test-support';
import { expected, versions } from '../helpers';
import { closeCleanly, type Listening, startHostileApp } from './support/hostile-app';

// Generous for a loaded 2-core runner; nothing here asserts how long anything takes.
jest.setTimeout(120_000);

const failures = watchProcessFailures();

const notHttp = expected(400, 'invalid-request', 'Bad Request', {
  detail: 'The request is not valid HTTP/1.1.',
  error_code: 'VALIDATION_ERROR',
});
const tooSlow = {
  status: 408,
  title: 'Request Timeout',
  type: 'about:blank',
  detail: 'The request was not received in time.',
  error_code: 'REQUEST_TIMEOUT',
};

/** A JSON POST head, its Content-Length given as is (it may lie). */
function jsonHead(contentLength: string, extra = ''): string {
  return `POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n${extra}\r\n`;
}

describe.each(versions)('%s: hostile connections', (_name, version) => {
  let server: Listening & { readonly warnings: string[] };

  beforeAll(async () => {
    server = await startHostileApp(version, (app) => {
      app.get('/', async () => ({ ok: true }));
      app.post('/echo', async (request) => ({ kind: typeof request.body }));
      app.get('/v2/datasets/:id', async (request) => ({
        id: (request.params as { id: string }).id,
      }));
    });
  });
  afterAll(async () => {
    await closeCleanly(server);
    expect(server.warnings).toEqual([]);
  });

  /** One problem response, the given body, then the server closed the connection. */
  function expectProblemThenClose(result: Exchange, body: Record<string, unknown>): void {
    const response = onlyResponse(result);
    expect(assertProblemResponse(response)).toEqual(body);
    expect(response.headers.connection).toBe('close');
  }

  async function expectStillServing(): Promise<void> {
    const response = onlyResponse(await exchange(server.port, [httpRequest('GET', '/')]));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true });
  }

  it('a Content-Length shorter than the body: the rest is not HTTP, so 400 and close', async () => {
    // `{"a":` is the body; `1}GET / …` is then read as the next request line.
    const result = await exchange(server.port, [
      `${jsonHead('5')}{"a":1}GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    ]);
    expectProblemThenClose(result, notHttp);
    await expectStillServing();
  });

  it('a Content-Length longer than the body, then the client stops writing: 400 and close', async () => {
    const result = await exchange(server.port, [`${jsonHead('50')}{"a":1}`], { halfClose: true });
    expectProblemThenClose(result, notHttp);
    await expectStillServing();
  });

  it('a Content-Length longer than the body, then the client waits: 408 and close', async () => {
    const result = await exchange(server.port, [`${jsonHead('50')}{"a":1}`]);
    expectProblemThenClose(result, tooSlow);
    await expectStillServing();
  });

  it('headers that never end: 408 and close', async () => {
    const result = await exchange(server.port, ['GET / HTTP/1.1\r\nHost: localhost\r\n']);
    expectProblemThenClose(result, tooSlow);
  });

  it.each([
    ['two different Content-Lengths', `${jsonHead('7', 'Content-Length: 8\r\n')}{"a":1}`],
    [
      'Content-Length with Transfer-Encoding (request smuggling)',
      `${jsonHead('7', 'Transfer-Encoding: chunked\r\n')}7\r\n{"a":1}\r\n0\r\n\r\n`,
    ],
    ['a negative Content-Length', `${jsonHead('-1')}{"a":1}`],
    ['a Content-Length that is not a number', `${jsonHead('abc')}{"a":1}`],
    [
      'a chunk size that is not hexadecimal',
      'POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{"a":1}\r\n0\r\n\r\n',
    ],
    [
      'a chunk longer than its size',
      'POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{"a":1}\r\n0\r\n\r\n',
    ],
    ['an unknown method', 'FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n'],
    ['a request line that is not HTTP', 'hello\r\n\r\n'],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost: localhost\r\nnot a header\r\n\r\n'],
    ['a bare LF in a header value', 'GET / HTTP/1.1\r\nHost: localhost\r\nX-A: a\nb\r\n\r\n'],
    ['a NUL in a header value', 'GET / HTTP/1.1\r\nHost: localhost\r\nX-A: a\0b\r\n\r\n'],
  ])('%s: 400 problem, then close', async (_what, request) => {
    expectProblemThenClose(await exchange(server.port, [request]), notHttp);
    await expectStillServing();
  });

  it('headers too large: 431 problem, then close', async () => {
    const request = `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    expectProblemThenClose(await exchange(server.port, [request]), {
      status: 431,
      title: 'Request Header Fields Too Large',
      type: 'about:blank',
      detail: 'The request headers are larger than this server accepts.',
      error_code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    });
    await expectStillServing();
  });

  it('a path that does not decode: 400 problem with the path as a URI reference', async () => {
    for (const [path, instance] of [
      ['/v2/datasets/%FF%FE', '/v2/datasets/%FF%FE'],
      ['/v2/datasets/%zz', '/v2/datasets/%25zz'],
      ['/v2/datasets/%', '/v2/datasets/%25'],
    ]) {
      const response = onlyResponse(await exchange(server.port, [httpRequest('GET', path!)]));
      expect(assertProblemResponse(response)).toEqual(
        expected(400, 'invalid-request', 'Bad Request', {
          detail: 'The request URL is not correctly percent-encoded.',
          instance,
          error_code: 'VALIDATION_ERROR',
        }),
      );
    }
  });

  it('a client that aborts mid-body, mid-headers or right away: nothing crashes', async () => {
    const aborts = [
      [`${jsonHead('5000')}{"a":`],
      [jsonHead('5000')],
      ['POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Le'],
      ['G'],
      [`${jsonHead('16')}{"a":1}`, '{"b":2}'],
    ];
    for (const chunks of aborts) {
      const result = await exchange(server.port, chunks, { abortAfterWrite: true });
      expect(result.ending).toBe('client-closed');
    }
    await expectStillServing();
  });

  it('a hundred clients aborting at once: the server keeps serving', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        exchange(server.port, [`${jsonHead('5000')}${'{"a":'.repeat(index)}`], {
          abortAfterWrite: true,
        }),
      ),
    );
    expect(results.every((result) => result.ending === 'client-closed')).toBe(true);
    await expectStillServing();
  });
});

it('nothing crashed and no rejection went unhandled', () => {
  expect(failures).toEqual([]);
});
