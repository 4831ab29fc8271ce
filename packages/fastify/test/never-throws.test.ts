import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProblemError } from '@faultline/core';
import type { FastifyInstance } from 'fastify';
import { build, expected, logCapture, PROBLEM_TYPE, versions } from './helpers';

const crash = expected(500, 'internal-server-error', 'Internal Server Error', {
  detail: 'An unexpected error occurred.',
});

interface Outcome {
  status: number;
  body: string;
  cut: boolean;
}

function fetchRaw(port: number, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let status = 0;
    let body = '';
    const done = (cut: boolean) => resolve({ status, body, cut });
    get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => done(false));
      res.on('aborted', () => done(true));
      res.on('error', () => done(true));
    }).on('error', () => done(true));
  });
}

describe.each(versions)('%s: when answering itself fails', (_name, version) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('still answers with the static 500 problem, and logs the error and the failure', async () => {
    const { lines, stream } = logCapture();
    app = await build(
      version,
      (app) =>
        app.get('/x', async () => {
          throw new ProblemError('ACCESS_DENIED');
        }),
      {
        instance: () => {
          throw new Error('instance builder bug');
        },
      },
      { logger: { level: 'info', stream } },
    );
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.json()).toEqual(crash);
    expect(lines.filter((line) => line.level === 50)).toEqual([
      expect.objectContaining({ msg: 'Forbidden' }),
      expect.objectContaining({ msg: 'instance builder bug' }),
    ]);
  });

  it('leaves a hijacked reply alone', async () => {
    app = await build(version, (app) =>
      app.get('/x', async (_request, reply) => {
        reply.hijack();
        reply.raw.writeHead(200, { 'content-type': 'text/plain' });
        reply.raw.end('hijacked');
        throw new Error('after the hijack');
      }),
    );
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('hijacked');
  });

  it('writes nothing for an error raised once the reply was sent', async () => {
    app = await build(version, (app) =>
      app.get('/x', (_request, reply) => {
        reply.send({ ok: true });
        return Promise.reject(new Error('too late'));
      }),
    );
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });

  it('cuts the connection, without crashing, when the headers were already written', async () => {
    const { lines, stream } = logCapture();
    app = await build(
      version,
      (app) => {
        app.get('/partial', async (_request, reply) => {
          reply.raw.writeHead(200, { 'content-type': 'text/plain' });
          reply.raw.write('partial');
          throw new Error('failed half-way');
        });
        app.get('/ok', async () => ({ ok: true }));
      },
      {},
      { logger: { level: 'info', stream } },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const outcome = await fetchRaw(port, '/partial');
    expect(outcome).toEqual({ status: 200, body: 'partial', cut: true });
    expect(lines.filter((line) => line.level === 50)).toEqual([
      expect.objectContaining({ msg: 'failed half-way' }),
    ]);
    // The server is alive and well.
    expect(await fetchRaw(port, '/ok')).toEqual({ status: 200, body: '{"ok":true}', cut: false });
  });
});
