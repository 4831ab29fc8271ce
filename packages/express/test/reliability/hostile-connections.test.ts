import { once } from 'node:events';
import type http from 'node:http';
import { problemHandlers } from '@faultline/express';
import {
  exchange,
  httpRequest,
  listen,
  onlyResponse,
  openConnections,
  portOf,
  shutdown,
  watchProcessFailures,
} from '@faultline/test-support';
import { type Framework, frameworks } from '../helpers/frameworks';
import { recordingLogger } from '../helpers/logger';
import { expectProblemAnswer, problems } from './support/answers';
import { type HostileServer, startHostileServer } from './support/hostile-app';

const failures = watchProcessFailures();

const notValidHttp = problems.badRequest('The request is not valid HTTP/1.1.');
const timedOut = {
  status: 408,
  title: 'Request Timeout',
  type: 'about:blank',
  detail: 'The request was not received in time.',
  error_code: 'REQUEST_TIMEOUT',
};

/** Writes on a fresh connection and closes it abruptly once the server has read the request. */
async function abortMidBody(server: http.Server, bytes: Buffer): Promise<void> {
  const received = once(server, 'request').then(
    () => new Promise((resolve) => setTimeout(resolve, 20)),
  );
  const result = await exchange(portOf(server), bytes, { abortWhen: received });
  expect(result.ending).toBe('client-closed');
}

async function settled<T>(check: () => T, until: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = check();
    if (until(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}

describe.each(frameworks)('hostile connections, on $name', (framework: Framework) => {
  const started: HostileServer[] = [];

  async function start(options: http.ServerOptions = {}): Promise<HostileServer> {
    const hostile = await startHostileServer(framework, options);
    started.push(hostile);
    return hostile;
  }

  afterEach(async () => {
    expect(failures).toEqual([]);
    for (const hostile of started.splice(0)) {
      expect(hostile.socketErrors).toEqual([]);
      expect(await openConnections(hostile.server)).toBe(0);
      await shutdown(hostile.server);
    }
  });

  const head = (length: number | string) =>
    httpRequest('POST', '/echo', { 'Content-Type': 'application/json', 'Content-Length': length });

  it('ends a body shorter than its Content-Length with a 408 problem when the request times out', async () => {
    const { server } = await start({
      requestTimeout: 500,
      headersTimeout: 500,
      connectionsCheckingInterval: 50,
    });
    const answer = await exchange(portOf(server), [head(100), '{"name":"x"}']);
    const response = expectProblemAnswer(answer, 408, timedOut);
    expect(response.headers.connection).toBe('close');
  });

  it('survives a client that gives up on a body shorter than its Content-Length, and serves the next request', async () => {
    const hostile = await start();
    const answer = await exchange(portOf(hostile.server), [head(100), '{"name":"x"}'], {
      giveUpAfterMs: 200,
    });
    expect(answer.ending).toBe('gave-up');
    expect(answer.responses).toEqual([]);
    const aborted = await settled(
      () => hostile.calls.filter((call) => call.level === 'info' && call.msg.startsWith('POST')),
      (calls) => calls.length > 0,
    );
    expect(aborted.map((call) => call.msg)).toEqual(['POST /echo was abandoned by the client']);
    const next = onlyResponse(await exchange(portOf(hostile.server), [head(12), '{"name":"x"}']));
    expect(next.status).toBe(201);
  });

  it('answers bytes beyond the Content-Length (a second request that is not HTTP) with one 400 and closes', async () => {
    const { server } = await start();
    const answer = await exchange(portOf(server), [
      head(12),
      '{"name":"x"}{"smuggled": "bytes that are no request line"}',
    ]);
    // Node's parser rejects the leftover as a request: the connection is poisoned and closed.
    expectProblemAnswer(answer, 400, notValidHttp);
  });

  it('answers pipelined well-formed requests one after the other (control)', async () => {
    const { server } = await start();
    const keepAlive = (body: string) =>
      `POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const answer = await exchange(portOf(server), [keepAlive('{"n":1}'), head(7), '{"n":2}']);
    expect(answer.responses.map((response) => [response.status, response.body])).toEqual([
      [201, '{"n":1}'],
      [201, '{"n":2}'],
    ]);
  });

  it('answers a body cut short by a half-close with one 400 and closes', async () => {
    const { server } = await start();
    const answer = await exchange(portOf(server), [head(100), '{"name":'], {
      halfClose: true,
    });
    expectProblemAnswer(answer, 400, notValidHttp);
  });

  it('answers broken chunked framing with one 400 and closes', async () => {
    const { server } = await start();
    for (const framing of ['zz\r\n{}\r\n0\r\n\r\n', '2\r\n{}XX0\r\n\r\n', '-1\r\n{}\r\n']) {
      const answer = await exchange(portOf(server), [
        httpRequest('POST', '/echo', {
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        }),
        framing,
      ]);
      expectProblemAnswer(answer, 400, notValidHttp);
    }
  });

  it('answers both Content-Length and Transfer-Encoding, or two Content-Lengths, with one 400', async () => {
    const { server } = await start();
    for (const headers of [
      { 'Content-Type': 'application/json', 'Content-Length': 2, 'Transfer-Encoding': 'chunked' },
      { 'Content-Type': 'application/json', 'Content-Length': '2\r\nContent-Length: 3' },
    ]) {
      const answer = await exchange(portOf(server), httpRequest('POST', '/echo', headers, '{}'));
      expectProblemAnswer(answer, 400, notValidHttp);
    }
  });

  it('ends a stalled chunked upload over the limit with the 408 problem when the request times out', async () => {
    const { server } = await start({
      requestTimeout: 500,
      headersTimeout: 500,
      connectionsCheckingInterval: 50,
    });
    const chunk = `${(16 * 1024).toString(16)}\r\n${' '.repeat(16 * 1024)}\r\n`;
    const answer = await exchange(portOf(server), [
      httpRequest('POST', '/accept', {
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      }),
      chunk.repeat(10),
    ]);
    expectProblemAnswer(answer, 408, timedOut);
  });

  it.each([
    ['problemJson()', '/echo', 50_000],
    ['problemJson() with a 32 MB limit', '/large', 1_000_000],
  ])(
    'survives clients aborting mid-body on %s, and serves the next request',
    async (_name, path, length) => {
      const hostile = await start();
      for (let round = 0; round < 5; round++) {
        await abortMidBody(
          hostile.server,
          Buffer.concat([
            httpRequest('POST', path, {
              'Content-Type': 'application/json',
              'Content-Length': length,
            }),
            Buffer.from(`{"name":"${'x'.repeat(1000)}`),
          ]),
        );
      }
      const aborted = await settled(
        () => hostile.calls.filter((call) => call.level === 'info' && call.msg.startsWith('POST')),
        (calls) => calls.length >= 5,
      );
      expect(aborted.map((call) => call.msg)).toEqual(
        Array(5).fill(`POST ${path} was abandoned by the client`),
      );
      expect(hostile.calls.filter((call) => call.level === 'error')).toEqual([]);
      const next = onlyResponse(await exchange(portOf(hostile.server), [head(12), '{"name":"x"}']));
      expect(next.status).toBe(201);
    },
  );

  it("survives clients aborting mid-body on the major's own express.json()", async () => {
    const { logger, calls } = recordingLogger();
    const app = framework.express();
    app.post('/own', framework.express.json(), (req, res) => {
      res.status(201).json(req.body);
    });
    app.use(problemHandlers({ logger }));
    const server = await listen(app);
    const socketErrors: unknown[] = [];
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.on('error', (error) => socketErrors.push(error));
    });
    try {
      await abortMidBody(
        server,
        Buffer.concat([
          httpRequest('POST', '/own', {
            'Content-Type': 'application/json',
            'Content-Length': 5000,
          }),
          Buffer.from('{"name":'),
        ]),
      );
      const aborted = await settled(
        () => calls.filter((call) => call.level === 'info' && call.msg.startsWith('POST')),
        (found) => found.length > 0,
      );
      expect(aborted.map((call) => call.msg)).toEqual(['POST /own was abandoned by the client']);
      const next = onlyResponse(
        await exchange(
          portOf(server),
          httpRequest(
            'POST',
            '/own',
            { 'Content-Type': 'application/json', 'Content-Length': 2 },
            '{}',
          ),
        ),
      );
      expect(next.status).toBe(201);
      expect(socketErrors).toEqual([]);
      expect(await openConnections(server)).toBe(0);
    } finally {
      await shutdown(server);
    }
  });
});
