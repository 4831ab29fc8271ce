import { defineProblems, ProblemError, type RegisteredCode } from '@faultline/core';
import { faultline } from '@faultline/fastify';
import type { FastifyInstance, FastifyReply, LightMyRequestResponse } from 'fastify';
import { logCapture, versions } from './helpers';

const problems = defineProblems({
  typeBase: 'https://api.example.com/problems',
  codes: {
    DATASET_ARCHIVED: {
      status: 409,
      type: { slug: 'dataset-archived', title: 'Dataset Archived' },
    },
  },
});
const detail = "Dataset with ID 'abc' is archived.";
// This registry is not the one the `Register` interface names, so its code is widened here.
const archived = 'DATASET_ARCHIVED' as RegisteredCode;

/** What a client sees of a response, the date aside. */
function wire(response: LightMyRequestResponse) {
  const { date, ...headers } = response.headers;
  return { status: response.statusCode, headers, payload: response.payload };
}

describe.each(versions)('%s: reply.problem()', (_name, version) => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  async function build(
    routes: (app: FastifyInstance) => void,
    options: Record<string, unknown> = {},
  ): Promise<{ app: FastifyInstance; lines: Record<string, unknown>[] }> {
    const { lines, stream } = logCapture();
    const app = version.Fastify({ logger: { level: 'info', stream } } as never);
    apps.push(app);
    await app.register(faultline, { registry: problems.registry, instance: true, ...options });
    routes(app);
    await app.ready();
    return { app, lines };
  }

  it('answers byte for byte what a thrown ProblemError of the code gets, and logs it alike', async () => {
    const sending = await build((app) =>
      app.get('/datasets/:id', async (_request, reply) =>
        reply.problem(archived, { detail, headers: { 'x-trace': 't' } }),
      ),
    );
    const throwing = await build((app) =>
      app.get('/datasets/:id', async () => {
        throw new problems.ProblemError('DATASET_ARCHIVED', {
          detail,
          headers: { 'x-trace': 't' },
        });
      }),
    );
    const a = await sending.app.inject({ url: '/datasets/abc' });
    const b = await throwing.app.inject({ url: '/datasets/abc' });
    expect(a.statusCode).toBe(409);
    expect(a.json()).toEqual({
      status: 409,
      title: 'Dataset Archived',
      type: 'https://api.example.com/problems#dataset-archived',
      detail,
      instance: '/datasets/abc',
      error_code: 'DATASET_ARCHIVED',
    });
    expect(wire(a)).toEqual(wire(b));
    const failures = (lines: Record<string, unknown>[]) =>
      lines.filter((line) => line.error_code !== undefined).map(({ level, msg }) => [level, msg]);
    expect(failures(sending.lines)).toEqual(failures(throwing.lines));
    expect(failures(sending.lines)).toHaveLength(1);
  });

  it('works from a synchronous handler, and answers over real HTTP', async () => {
    const { app } = await build((a) =>
      a.get('/x', (_request, reply) => {
        reply.problem('RESOURCE_NOT_FOUND');
      }),
    );
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/x`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({
      status: 404,
      title: 'Not Found',
      type: 'https://api.example.com/problems#resource-not-found',
      instance: '/x',
      error_code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('captures no stack for a 4xx and keeps one for a 5xx', async () => {
    const { app, lines } = await build((a) => {
      a.get('/gone', async (_request, reply) => reply.problem('RESOURCE_NOT_FOUND'));
      a.get('/down', async (_request, reply) =>
        reply.problem('SERVICE_UNAVAILABLE', { retryAfter: 7 }),
      );
    });
    expect((await app.inject({ url: '/gone' })).statusCode).toBe(404);
    const down = await app.inject({ url: '/down' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('7');
    const stacks = lines
      .filter((line) => line.err !== undefined)
      .map((line) => String((line.err as { stack?: string }).stack));
    expect(stacks).toHaveLength(2);
    expect(stacks[0]).not.toMatch(/\n\s+at /);
    expect(stacks[1]).toMatch(/\n\s+at /);
  });

  it('passes through the application mappers', async () => {
    const { app } = await build(
      (a) => a.get('/x', async (_request, reply) => reply.problem('RESOURCE_NOT_FOUND')),
      {
        mappers: [
          (error: unknown) =>
            error instanceof ProblemError && error.code === 'RESOURCE_NOT_FOUND'
              ? new ProblemError('ACCESS_DENIED')
              : undefined,
        ],
      },
    );
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error_code).toBe('ACCESS_DENIED');
  });

  it('answers an unknown code as the application bug it is: a 500 that shows nothing, logged', async () => {
    const { app, lines } = await build((a) =>
      a.get('/x', async (_request, reply) => reply.problem('NOT_A_CODE' as 'RESOURCE_NOT_FOUND')),
    );
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(500);
    expect(response.payload).not.toContain('NOT_A_CODE');
    expect(response.json().detail).toBe('An unexpected error occurred.');
    const logged = lines.filter((line) => line.level === 50);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toContain('unknown error code \\"NOT_A_CODE\\"');
  });

  it('refuses to start when another plugin already decorates reply.problem', async () => {
    const app = version.Fastify({ logger: false });
    apps.push(app);
    app.decorateReply('problem', function (this: FastifyReply) {
      return this;
    });
    await expect(app.register(faultline).ready()).rejects.toThrow(
      /already decorates the reply with problem\(\)/,
    );
  });
});
