import { createServer } from 'node:net';
import type { Target } from '@faultline-examples/contract';
import {
  deleteKeys,
  reachableRedis,
  uniqueTable,
} from '../../datasets-domain/test/support/services';
import { frameworks, type OpenApp, optionsFor } from './support/frameworks.js';

const redisUrl = reachableRedis();
const prefixes: string[] = [];

afterAll(async () => {
  if (redisUrl === undefined) return;
  for (const prefix of prefixes) await deleteKeys(redisUrl, prefix);
});

const list = (app: Target) =>
  app.send({
    method: 'GET',
    path: '/v2/datasets',
    headers: { authorization: 'Bearer demo-admin-key' },
  });

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const describeShared = redisUrl === undefined ? describe.skip : describe;

describeShared.each(frameworks)('the $name rate limit in Redis', (framework) => {
  test('is shared by two instances: the limit spent on one answers 429 on the other', async () => {
    const prefix = `${uniqueTable('rate_limit')}:`;
    prefixes.push(prefix);
    const { options } = optionsFor(true);
    const shared = {
      ...options,
      rateLimitMax: 3,
      redisUrl: redisUrl as string,
      rateLimitPrefix: prefix,
    };
    const instances: OpenApp[] = [];
    try {
      const first = await framework.listen(shared);
      instances.push(first);
      const second = await framework.listen(shared);
      instances.push(second);
      expect((await list(first)).status).toBe(200);
      expect((await list(second)).status).toBe(200);
      const third = await list(first);
      expect(third.status).toBe(200);
      expect(third.headers['ratelimit-remaining']).toBe('0');
      for (const instance of [second, first]) {
        const refused = await list(instance);
        expect(refused.status).toBe(429);
        expect(refused.headers['content-type']).toBe('application/problem+json');
        expect(refused.headers['retry-after']).toMatch(/^\d+$/);
        expect(JSON.parse(refused.text)).toMatchObject({
          status: 429,
          error_code: 'RATE_LIMIT_EXCEEDED',
        });
      }
    } finally {
      for (const instance of instances) await instance.close();
    }
  });

  test('fails open while Redis is unreachable, and says so once in the log', async () => {
    const lines: string[] = [];
    const { options } = optionsFor(true);
    const app = await framework.listen({
      ...options,
      rateLimitMax: 1,
      redisUrl: `redis://127.0.0.1:${await closedPort()}`,
      logLevel: 'warn',
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      for (let request = 0; request < 3; request++) expect((await list(app)).status).toBe(200);
      const warnings = lines
        .map((line) => JSON.parse(line) as { level: number; msg: string })
        .filter((record) => record.msg.includes('Redis is unreachable'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.level).toBe(40);
    } finally {
      await app.close();
    }
  });
});
