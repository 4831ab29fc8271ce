import { documentChecker, type Target } from '@faultline-examples/contract';
import {
  dropTables,
  reachableDatabases,
  uniqueTable,
} from '../../datasets-domain/test/support/services';
import { frameworks, optionsFor } from './support/frameworks.js';
import { TcpProxy } from './support/tcp-proxy.js';

const servers = reachableDatabases();
const tablePrefix = uniqueTable('outage');
let tables = 0;

afterAll(async () => {
  for (const server of servers) await dropTables(server, tablePrefix);
});

const list = (app: Target) =>
  app.send({
    method: 'GET',
    path: '/v2/datasets',
    headers: { authorization: 'Bearer demo-admin-key' },
  });

/** The server URL with the proxy's port in place of the database's. */
function throughProxy(url: string, proxy: TcpProxy): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
}

const cases = servers.flatMap((server) =>
  frameworks.map((framework) => ({
    server,
    framework,
    name: `${server.name} on ${framework.name}`,
  })),
);

// Without a reachable database server there is nothing to take away (reachableDatabases() has
// said why, or failed the file where the servers are required).
const describeOutage =
  cases.length > 0 ? describe.each(cases) : describe.skip.each([{ name: 'no server' }]);

describeOutage('a database that goes away: $name', (testCase) => {
  const { server, framework } = testCase as (typeof cases)[number];

  async function expectUnavailable(app: Target, proxy: TcpProxy) {
    const response = await list(app);
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    const body = JSON.parse(response.text) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    // The 503 is one the operation documents (documented-responses.test.ts counts on it).
    const document = await app.send({ method: 'GET', path: '/openapi.json', headers: {} });
    const answer = documentChecker(JSON.parse(document.text))('GET', '/v2/datasets', response);
    expect(answer).toEqual({
      operation: 'GET /v2/datasets',
      code: 'SERVICE_UNAVAILABLE',
      errors: [],
    });
    for (const leak of [
      '127.0.0.1',
      String(proxy.port),
      'ECONNREFUSED',
      'connect',
      'postgres',
      'mysql',
    ]) {
      expect(response.text).not.toContain(leak);
    }
  }

  test('answers 503 with Retry-After while it is gone, and recovers by itself when it returns', async () => {
    const target = new URL(server.url);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.start();
    const { options } = optionsFor(false);
    const lines: string[] = [];
    const app = await framework.open({
      ...options,
      databaseUrl: throughProxy(server.url, proxy),
      databaseTable: `${tablePrefix}_${++tables}`,
      logLevel: 'error',
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      expect((await list(app)).status).toBe(200);
      await proxy.stop();
      await expectUnavailable(app, proxy);
      await expectUnavailable(app, proxy);
      // Each 503 is logged once, at error level, with the driver's error as its cause.
      const errors = lines
        .map((line) => JSON.parse(line) as { level: number; err?: { message?: string } })
        .filter((record) => record.level >= 50);
      expect(errors).toHaveLength(2);
      for (const record of errors) {
        expect(record.err?.message).toMatch(/connect|connection/i);
      }
      await proxy.start();
      const back = await list(app);
      expect(back.status).toBe(200);
      expect(JSON.parse(back.text)).toEqual({ data: [] });
    } finally {
      await app.close();
      await proxy.stop();
    }
  });

  test('starts while it is unreachable, answers 503, and serves once it is up', async () => {
    const target = new URL(server.url);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.start();
    const url = throughProxy(server.url, proxy);
    await proxy.stop();
    const { options } = optionsFor(false);
    const app = await framework.open({
      ...options,
      databaseUrl: url,
      databaseTable: `${tablePrefix}_${++tables}`,
    });
    try {
      await expectUnavailable(app, proxy);
      await proxy.start();
      expect((await list(app)).status).toBe(200);
    } finally {
      await app.close();
      await proxy.stop();
    }
  });
});
