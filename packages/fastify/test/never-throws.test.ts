import { ProblemError } from '@faultline/core';
import type { FastifyInstance } from 'fastify';
import { build, expected, logCapture, PROBLEM_TYPE, versions } from './helpers';

const crash = expected(500, 'internal-server-error', 'Internal Server Error', {
  detail: 'An unexpected error occurred.',
});

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
          throw new ProblemError('ACCESS_DENIED', {
            extensions: {
              balance: {
                toJSON() {
                  throw new Error('serialiser bug');
                },
              },
            },
          });
        }),
      {},
      { logger: { level: 'info', stream } },
    );
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.json()).toEqual(crash);
    expect(lines.filter((line) => line.level === 50)).toEqual([
      expect.objectContaining({ msg: 'GET /x: building the problem failed; answered 500' }),
      expect.objectContaining({ msg: 'GET /x failed with 500' }),
    ]);
  });

  it('answers the problem without instance when the instance option throws, and logs why', async () => {
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
    expect(response.statusCode).toBe(403);
    expect(response.json()).not.toHaveProperty('instance');
    expect(lines.filter((line) => line.level === 50)).toEqual([
      expect.objectContaining({
        msg: 'GET /x: the instance option threw; answered without instance',
        err: expect.objectContaining({ message: 'instance builder bug' }),
      }),
    ]);
    expect(lines.filter((line) => line.level === 30 && 'err' in line)).toEqual([
      expect.objectContaining({ msg: 'GET /x answered 403' }),
    ]);
  });
});
