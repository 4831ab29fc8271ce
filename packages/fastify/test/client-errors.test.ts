import { type AddressInfo, connect } from 'node:net';
import { faultline, problemClientErrorHandler } from '@faultline/fastify';
import type { FastifyInstance } from 'fastify';
import { expected, logCapture, problems, versions } from './helpers';

/** Sends raw bytes and reads everything until the server closes the connection. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

function parse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine, ...fields] = head.split('\r\n');
  const headers = Object.fromEntries(
    fields.map((field) => {
      const colon = field.indexOf(':');
      return [field.slice(0, colon).toLowerCase(), field.slice(colon + 1).trim()];
    }),
  );
  return { statusLine, headers, body };
}

describe.each(versions)('%s: errors of the HTTP parser (clientErrorHandler)', (_name, version) => {
  let app: FastifyInstance;
  let port: number;
  const log = logCapture();

  beforeAll(async () => {
    const options = { registry: problems.registry };
    app = version.Fastify({
      clientErrorHandler: problemClientErrorHandler(options),
      logger: { level: 'info', stream: log.stream },
    });
    await app.register(faultline, options);
    app.get('/', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  const badRequest = expected(400, 'invalid-request', 'Bad Request', {
    detail: 'The request is not valid HTTP/1.1.',
    error_code: 'VALIDATION_ERROR',
  });

  it.each([
    ['an unknown method', 'FOO / HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a malformed request line', 'this is not http\r\n\r\n'],
    ['an invalid Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
  ])('answers %s with a 400 problem and closes the connection', async (_what, request) => {
    const { statusLine, headers, body } = parse(await exchange(port, request));
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(headers['content-type']).toBe('application/problem+json');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers.connection).toBe('close');
    expect(headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(JSON.parse(body)).toEqual(badRequest);
  });

  it('answers headers too large with 431', async () => {
    const request = `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    const { statusLine, headers, body } = parse(await exchange(port, request));
    expect(statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(headers.connection).toBe('close');
    expect(JSON.parse(body)).toEqual({
      status: 431,
      title: 'Request Header Fields Too Large',
      type: 'about:blank',
      detail: 'The request headers are larger than this server accepts.',
      error_code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    });
  });

  it('logs each at the 4xx level, through the app logger', () => {
    const clientErrors = log.lines.filter(
      (line) =>
        typeof line.msg === 'string' &&
        line.msg.startsWith('rejected a request Node could not parse'),
    );
    expect(clientErrors.length).toBeGreaterThanOrEqual(4);
    expect(clientErrors.every((line) => line.level === 30)).toBe(true);
  });

  it('keeps serving well-formed requests', async () => {
    const raw = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(parse(raw).statusLine).toBe('HTTP/1.1 200 OK');
  });
});
