import type { AddressInfo } from 'node:net';
import { pinoRedactPaths } from '@faultline/core';
import { faultline } from '@faultline/fastify';
import fastify5, { type FastifyInstance } from 'fastify';
import fastify4 from 'fastify4';
import { send } from './support/http-client';

/*
 * The sensitive fields as Fastify's own logger `redact` (pino), on Fastify 4 and 5: the record
 * of a failure carries no secret the error held in its properties.
 */
type Factory = (options: Record<string, unknown>) => FastifyInstance;

describe.each([
  ['Fastify 4', fastify4 as unknown as Factory],
  ['Fastify 5', fastify5 as unknown as Factory],
])('pinoRedactPaths() as the logger redact of %s', (_name, factory) => {
  it("hides the secrets of a logged error's properties", async () => {
    const lines: string[] = [];
    const app = factory({
      logger: {
        level: 'info',
        redact: pinoRedactPaths(),
        stream: { write: (line: string) => lines.push(line) },
      },
      disableRequestLogging: true,
    });
    // The plugin's own `redact` is left off: the logger's paths alone hide the secrets here.
    await app.register(faultline);
    app.get('/login', async () => {
      throw Object.assign(new Error('login failed'), {
        password: 'hunter22',
        config: { headers: { Authorization: 'Basic dXNlcjpodW50ZXIyMg==' }, apiKey: 'k-123456' },
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const answer = await send((app.server.address() as AddressInfo).port, {
        method: 'GET',
        path: '/login',
      });
      expect(answer.status).toBe(500);
    } finally {
      await app.close();
    }
    const record = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => String(entry.msg).includes('failed with 500'));
    expect(record).toBeDefined();
    const text = JSON.stringify(record);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('dXNlcjpodW50ZXIyMg==');
    expect(text).not.toContain('k-123456');
    expect(record?.err).toMatchObject({ message: 'login failed', password: '[Redacted]' });
  });
});
