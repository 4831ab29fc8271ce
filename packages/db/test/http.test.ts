/**
 * End to end: an Express and a Fastify app, each with `databaseErrors()` as its mapper, answer a
 * real PostgreSQL unique violation as a 409 problem, and a database that cannot be reached as a
 * 503 with `Retry-After`, over real HTTP, with no value, constraint, host or port in the answer.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { databaseErrors } from '@faultline/db';
import { type ProblemLogger, problemHandlers, problemJson } from '@faultline/express';
import { faultline } from '@faultline/fastify';
import express from 'express';
import Fastify from 'fastify';
import pg from 'pg';
import { closedPort } from './helpers/closed-port';
import { PRIVATE_TEXTS } from './helpers/observe';
import * as pglab from './helpers/postgres-lab';
import { describeWithPostgres } from './helpers/services';

interface Served {
  readonly base: string;
  close(): Promise<void>;
}

/** The one route both apps serve: insert a user, with the store the test chooses. */
type Insert = (email: string) => Promise<void>;

async function expressApp(insert: Insert, logger: ProblemLogger): Promise<Served> {
  const app = express();
  app.use(problemJson());
  app.post('/users', async (req, res) => {
    await insert((req.body as { email: string }).email);
    res.status(201).end();
  });
  app.use(problemHandlers({ logger, mappers: [databaseErrors({ exposeFields: ['email'] })] }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.close();
      server.closeAllConnections();
      await once(server, 'close');
    },
  };
}

async function fastifyApp(insert: Insert): Promise<Served> {
  const app = Fastify();
  await app.register(faultline, { mappers: [databaseErrors({ exposeFields: ['email'] })] });
  app.post('/users', async (request, reply) => {
    await insert((request.body as { email: string }).email);
    return reply.code(201).send();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: () => app.close(),
  };
}

async function post(served: Served, email: string) {
  const response = await fetch(`${served.base}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return { response, text: await response.text() };
}

describeWithPostgres('over real HTTP, with a real PostgreSQL', (target) => {
  let lab: pglab.PostgresLab;
  let pool: pg.Pool;
  let down: pg.Pool;
  let downPort: number;
  beforeAll(async () => {
    lab = await pglab.openPostgresLab(target);
    pool = new pg.Pool({ ...target, options: `-c search_path=${lab.schema}` });
    downPort = await closedPort();
    down = new pg.Pool({ ...target, port: downPort });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await down?.end();
    await lab?.close();
  }, 60_000);

  let next = 100;
  const insertInto = (store: () => pg.Pool) => async (email: string) => {
    await store().query('INSERT INTO parent (id, email) VALUES ($1, $2)', [next++, email]);
  };

  const apps = [
    ['Express', (insert: Insert, logger: ProblemLogger) => expressApp(insert, logger)],
    ['Fastify', (insert: Insert) => fastifyApp(insert)],
  ] as const;

  describe.each(apps)('%s', (name, build) => {
    it('a unique violation is a 409 problem naming the allowed field, never its value', async () => {
      const logged: unknown[] = [];
      const served = await build(
        insertInto(() => pool),
        { error: (obj) => logged.push(obj) },
      );
      try {
        const created = await post(served, `new-user-${name}@example.com`);
        expect(created.response.status).toBe(201);
        const { response, text } = await post(served, pglab.TAKEN_EMAIL);
        expect(response.status).toBe(409);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(JSON.parse(text)).toEqual({
          status: 409,
          title: 'Conflict',
          type: 'about:blank',
          detail: "A resource with the same 'email' already exists.",
          error_code: 'RESOURCE_ALREADY_EXISTS',
        });
        for (const secret of [...PRIVATE_TEXTS, 'parent_email_key', 'already exists.)']) {
          expect([secret, text.includes(secret)]).toEqual([secret, false]);
        }
      } finally {
        await served.close();
      }
    });

    it('a database that cannot be reached is a 503 with Retry-After, no host or port', async () => {
      const logged: unknown[] = [];
      const served = await build(
        insertInto(() => down),
        { error: (obj) => logged.push(obj) },
      );
      try {
        const { response, text } = await post(served, 'someone@example.com');
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        expect(JSON.parse(text)).toEqual({
          status: 503,
          title: 'Service Unavailable',
          type: 'about:blank',
        });
        for (const secret of [...PRIVATE_TEXTS, String(downPort), 'ECONNREFUSED']) {
          expect([secret, text.includes(secret)]).toEqual([secret, false]);
        }
        // The cause stays in the log (Express's logger here; Fastify's is its own).
        if (name === 'Express') {
          expect(logged).toEqual([
            expect.objectContaining({
              status: 503,
              err: expect.objectContaining({ code: 'ECONNREFUSED' }),
            }),
          ]);
        }
      } finally {
        await served.close();
      }
    });
  });
});
