import { execFileSync } from 'node:child_process';
import type { RowDataPacket } from 'mysql2/promise';

/** The servers every session's and CI's machine runs; overridable for other setups. */
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** CI sets this: a missing server is then a failure, never a skip. */
const required = process.env.FAULTLINE_REQUIRE_SERVICES === '1';

export interface DatabaseServer {
  readonly name: 'PostgreSQL' | 'MariaDB';
  readonly url: string;
}

interface Probed {
  readonly databases: DatabaseServer[];
  readonly redis: string | undefined;
}

// Jest declares tests synchronously, so the servers are probed by a child process, once, with
// their own drivers; each probe is bounded by the driver's connect timeout.
const probeScript = `
const [pgUrl, myUrl, redisUrl] = process.argv.slice(1);
const pg = require('pg');
const mysql = require('mysql2/promise');
const { Redis } = require('ioredis');
const why = (e) => (e && e.message) || String(e);
async function probe(connect) { try { await connect(); return null; } catch (e) { return why(e); } }
Promise.all([
  probe(async () => { const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 30000 }); await c.connect(); await c.end(); }),
  probe(async () => { const c = await mysql.createConnection({ uri: myUrl, connectTimeout: 30000 }); await c.end(); }),
  probe(async () => { const c = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 30000, maxRetriesPerRequest: 0, retryStrategy: () => null }); try { await c.connect(); await c.ping(); } finally { c.disconnect(); } }),
]).then((r) => process.stdout.write(JSON.stringify(r)));
`;

let probed: Probed | undefined;

/** Whether a server may be used: a failure where it is required, one line where it is not. */
function usable(name: string, url: string, failure: string | null): boolean {
  if (failure === null) return true;
  if (required) {
    throw new Error(
      `${name} at ${url} is required here (FAULTLINE_REQUIRE_SERVICES=1): ${failure}`,
    );
  }
  console.warn(`Skipping the ${name} tests: ${url} is unreachable (${failure}).`);
  return false;
}

function probe(): Probed {
  if (probed !== undefined) return probed;
  const output = execFileSync(
    process.execPath,
    ['-e', probeScript, POSTGRES_URL, MARIADB_URL, REDIS_URL],
    { cwd: __dirname, encoding: 'utf8' },
  );
  const [postgres, mariadb, redis] = JSON.parse(output) as (string | null)[];
  const candidates: [DatabaseServer, string | null | undefined][] = [
    [{ name: 'PostgreSQL', url: POSTGRES_URL }, postgres],
    [{ name: 'MariaDB', url: MARIADB_URL }, mariadb],
  ];
  probed = {
    databases: candidates
      .filter(([server, failure]) => usable(server.name, server.url, failure ?? null))
      .map(([server]) => server),
    redis: usable('Redis', REDIS_URL, redis ?? null) ? REDIS_URL : undefined,
  };
  return probed;
}

/**
 * PostgreSQL and MariaDB when they answer. One that does not is left out with one line saying
 * why, or, where FAULTLINE_REQUIRE_SERVICES=1, fails the test file.
 */
export function reachableDatabases(): DatabaseServer[] {
  return probe().databases;
}

/** The Redis URL when Redis answers; undefined (said why, or thrown where required) if not. */
export function reachableRedis(): string | undefined {
  return probe().redis;
}

/** A table name no other run or test file uses. */
export function uniqueTable(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Drops every table whose name starts with `prefix`: what a test run created, and nothing else. */
export async function dropTables(server: DatabaseServer, prefix: string): Promise<void> {
  const pattern = `${prefix.replace(/_/g, '\\_')}%`;
  if (server.name === 'PostgreSQL') {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE $1',
        [pattern],
      );
      for (const { name } of rows) await client.query(`DROP TABLE IF EXISTS "${name}"`);
    } finally {
      await client.end();
    }
  } else {
    const { default: mysql } = await import('mysql2/promise');
    const connection = await mysql.createConnection({ uri: server.url });
    try {
      const [rows] = await connection.query<(RowDataPacket & { name: string })[]>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE ?',
        [pattern],
      );
      for (const { name } of rows) await connection.query(`DROP TABLE IF EXISTS \`${name}\``);
    } finally {
      await connection.end();
    }
  }
}

/** Deletes the Redis keys that start with `prefix`: what a test run counted, and nothing else. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
