import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProblemError } from '@faultline/core';
import { faultline } from '@faultline/fastify';
import type { FastifyInstance } from 'fastify';
import { build, expected, PROBLEM_TYPE, versions } from './helpers';

const denied = expected(403, 'access-forbidden', 'Forbidden', {
  detail: 'Read-only key.',
  error_code: 'ACCESS_DENIED',
});

function rawHead(
  port: number,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'HEAD' }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(versions)('%s: the problem body on the wire', (_name, version) => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const throwDenied = async () => {
    throw new ProblemError('ACCESS_DENIED', { detail: 'Read-only key.' });
  };

  it('is sent whole even when the route has a 4xx response schema', async () => {
    app = await build(version, (app) => {
      app.get(
        '/x',
        {
          schema: {
            response: {
              '4xx': {
                type: 'object',
                properties: { statusCode: { type: 'integer' }, message: { type: 'string' } },
              },
              default: { type: 'object', properties: { message: { type: 'string' } } },
            },
          },
        },
        throwDenied,
      );
    });
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(denied);
  });

  it('is not touched by setReplySerializer or a preSerialization hook', async () => {
    app = await build(version, (app) => {
      app.setReplySerializer((payload) => JSON.stringify({ wrapped: payload }));
      app.addHook('preSerialization', async (_request, _reply, payload) => ({ data: payload }));
      app.get('/x', throwDenied);
      app.get('/ok', async () => ({ ok: true }));
    });
    expect((await app.inject({ url: '/x' })).json()).toEqual(denied);
    // The app's serializer still applies to its own responses.
    expect((await app.inject({ url: '/ok' })).json()).toEqual({ wrapped: { data: { ok: true } } });
  });

  it('is application/problem+json exactly, with a correct Content-Length', async () => {
    app = await build(version, (app) => app.get('/x', throwDenied));
    const response = await app.inject({ url: '/x' });
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.body)));
  });

  it('replaces the media type and length of a response that failed after choosing them', async () => {
    app = await build(version, (app) =>
      app.get('/x', async (_request, reply) => {
        reply.type('text/html').header('content-length', '9999');
        throw new ProblemError('ACCESS_DENIED', { detail: 'Read-only key.' });
      }),
    );
    const response = await app.inject({ url: '/x' });
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.body)));
    expect(response.json()).toEqual(denied);
  });

  it('keeps headers already on the reply', async () => {
    app = await build(version, (app) => {
      app.addHook('onRequest', async (_request, reply) => {
        reply.header('x-request-id', 'abc').header('www-authenticate', 'Basic realm="legacy"');
      });
      app.get('/x', async () => {
        throw new ProblemError('AUTHENTICATION_REQUIRED');
      });
    });
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.headers['www-authenticate']).toBe('Basic realm="legacy"');
  });

  it('makes a 429 unstorable even when the reply had said otherwise', async () => {
    app = await build(version, (app) =>
      app.get('/x', async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        throw new ProblemError('RATE_LIMIT_EXCEEDED', { retryAfter: 5 });
      }),
    );
    const response = await app.inject({ url: '/x' });
    expect(response.statusCode).toBe(429);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['retry-after']).toBe('5');
  });

  it('has no body in answer to HEAD (inject)', async () => {
    app = await build(version, (app) => {
      app.get('/x', throwDenied);
      app.post('/only-post', async () => ({}));
    });
    for (const url of ['/x', '/nope', '/only-post']) {
      const response = await app.inject({ method: 'HEAD', url });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
      expect(response.body).toBe('');
    }
  });

  it('has no body in answer to HEAD (listening server)', async () => {
    app = await build(version, (app) => {
      app.get('/x', throwDenied);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    for (const [path, status] of [
      ['/x', 403],
      ['/nope', 404],
    ] as const) {
      const response = await rawHead(port, path);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
      expect(response.bytes).toBe(0);
    }
  });

  it('adds no hook to any route: requests that succeed pay nothing', async () => {
    const routes = async (withPlugin: boolean) => {
      const app = version.Fastify();
      if (withPlugin) await app.register(faultline);
      app.get('/items', async () => []);
      app.post('/items', async () => ({}));
      await app.ready();
      const printed = app.printRoutes({ includeHooks: true, commonPrefix: false });
      await app.close();
      return printed;
    };
    const plain = await routes(false);
    expect(plain).toContain('items');
    expect(await routes(true)).toBe(plain);
  });
});
