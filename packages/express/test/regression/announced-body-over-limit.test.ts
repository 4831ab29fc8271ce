import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { problemHandlers, problemJson } from '@faultline/express';
import request from 'supertest';
import { frameworks } from '../helpers/frameworks';
import { silentLogger } from '../helpers/logger';
import { expectProblem } from '../helpers/problem';
import { parseRaw } from '../helpers/raw-socket';

/**
 * Regression: body-parser reads (and discards) the whole announced body before it answers 413,
 * so a client announcing `Content-Length: 52428800` and sending 64 KB waited for ever (or until
 * it had uploaded all 50 MB). `problemJson` now compares the announced length with its limit
 * before reading.
 */
const tooLarge = (limit: number) => ({
  status: 413,
  title: 'Content Too Large',
  type: 'about:blank',
  detail: `The request body is larger than the limit of ${limit} bytes.`,
  error_code: 'PAYLOAD_TOO_LARGE',
});

describe.each(frameworks)('a body announced over the limit, on $name', ({ express }) => {
  function app(limit?: string, mappers: ((error: unknown) => unknown)[] = []) {
    const application = express();
    application.post(
      '/datasets',
      problemJson(limit === undefined ? {} : { limit }),
      (_req, res) => {
        res.status(201).end();
      },
    );
    application.use(problemHandlers({ logger: silentLogger, mappers }));
    return application;
  }

  it('is answered 413 while the client still has 50 MB to send', async () => {
    const server = http.createServer(app());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
      socket.on('error', () => {});
      let received = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        received += chunk;
      });
      socket.write(
        'POST /datasets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n' +
          `Content-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(64 * 1024, 0x20));
      // Without an early answer nothing comes until all 50 MB are sent: give up well before.
      const giveUp = setTimeout(() => socket.destroy(), 30_000);
      await once(socket, 'close');
      clearTimeout(giveUp);
      const response = parseRaw(received);
      expect(response.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
      expect(JSON.parse(response.body)).toEqual(tooLarge(102400));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reads the limit as body-parser does', async () => {
    const response = await request(app('1kb'))
      .post('/datasets')
      .set('Content-Type', 'application/json')
      .send({ name: 'x'.repeat(2000) });
    expectProblem(response, 413, tooLarge(1024));
  });

  it('still hands mappers the body-parser error (type entity.too.large)', async () => {
    const seen: unknown[] = [];
    await request(app('1kb', [(error) => void seen.push(error)]))
      .post('/datasets')
      .set('Content-Type', 'application/json')
      .send({ name: 'x'.repeat(2000) });
    expect(seen).toEqual([
      expect.objectContaining({ status: 413, type: 'entity.too.large', limit: 1024 }),
    ]);
  });

  it('leaves a body within the limit alone (control)', async () => {
    const response = await request(app('1kb'))
      .post('/datasets')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'identity')
      .send({ name: 'x' });
    expect(response.status).toBe(201);
  });
});
