import { ProblemError } from '@faultline/core';
import type { FastifyInstance } from 'fastify';
import type { FaultlineOptions } from '../src/options';
import { build, logCapture, versions } from './helpers';

type Line = Record<string, unknown> & { err?: { message?: string; stack?: string; type?: string } };

describe.each(versions)('%s: logging', (_name, version) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function run(options: FaultlineOptions, url: string, method: 'GET' | 'POST' = 'GET') {
    const { lines, stream } = logCapture();
    app = await build(
      version,
      (app) => {
        app.get('/crash', async () => {
          throw new Error('db timed out', { cause: new Error('socket hang up') });
        });
        app.get('/denied', async () => {
          throw new ProblemError('ACCESS_DENIED');
        });
        app.get('/string', async () => {
          throw 'a string';
        });
      },
      options,
      { logger: { level: 'trace', stream } },
    );
    await app.inject({ method, url });
    const withErrors = lines.filter((line) => line.err !== undefined) as Line[];
    return { lines: lines as Line[], withErrors };
  }

  it('logs a 5xx once, at error, with the original error, its stack and its cause', async () => {
    const { withErrors } = await run({}, '/crash');
    expect(withErrors).toHaveLength(1);
    const [line] = withErrors;
    expect(line?.level).toBe(50);
    expect(line?.msg).toBe('GET /crash failed with 500');
    expect(line?.err?.type).toBe('Error');
    expect(line?.err?.message).toContain('db timed out');
    expect(line?.err?.stack).toMatch(/^Error: db timed out\n\s+at /);
    expect(JSON.stringify(line?.err)).toContain('socket hang up');
  });

  it('logs a thrown non-Error once, at error', async () => {
    const { withErrors } = await run({}, '/string');
    expect(withErrors).toHaveLength(1);
    expect(withErrors[0]).toMatchObject({
      level: 50,
      err: 'a string',
      msg: 'GET /string failed with 500',
    });
  });

  it('logs a 4xx once, at info by default', async () => {
    const { withErrors } = await run({}, '/denied');
    expect(withErrors).toHaveLength(1);
    expect(withErrors[0]).toMatchObject({
      level: 30,
      msg: 'GET /denied answered 403',
      status: 403,
      error_code: 'ACCESS_DENIED',
      method: 'GET',
      url: '/denied',
    });
  });

  it('logs a 4xx at the level of logLevel4xx', async () => {
    const { withErrors } = await run({ logLevel4xx: 'warn' }, '/denied');
    expect(withErrors).toHaveLength(1);
    expect(withErrors[0]?.level).toBe(40);
  });

  it('logs no 4xx with logLevel4xx silent, but still every 5xx', async () => {
    expect((await run({ logLevel4xx: 'silent' }, '/denied')).withErrors).toHaveLength(0);
    await app?.close();
    expect((await run({ logLevel4xx: 'silent' }, '/crash')).withErrors).toHaveLength(1);
  });

  it('logs a 404 at the 4xx level', async () => {
    const { withErrors } = await run({ logLevel4xx: 'debug' }, '/nope');
    expect(withErrors).toHaveLength(1);
    expect(withErrors[0]).toMatchObject({ level: 20, msg: 'GET /nope answered 404' });
  });

  it('still answers when the logger itself fails', async () => {
    app = await build(
      version,
      (app) => {
        app.get('/crash', async () => {
          throw new Error('boom');
        });
      },
      {},
      {
        logger: {
          level: 'info',
          stream: {
            write(line: string) {
              if (line.includes('"level":50')) throw new Error('disk full');
            },
          },
        },
      },
    );
    const response = await app.inject({ url: '/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ detail: 'An unexpected error occurred.' });
  });
});
