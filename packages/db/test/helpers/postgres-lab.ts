/**
 * Real PostgreSQL errors, each produced by `pg` against the running server in a schema of its
 * own (`faultline_db_<pid>_<random>`), dropped at the end.
 */
import { once } from 'node:events';
import pg from 'pg';
import { closedPort, hangingUpServer, silentServer } from './closed-port';
import { rejection } from './rejection';
import { type PostgresTarget, uniqueName } from './services';

/** Private text planted in the rows: a problem that shows it leaked a value. */
export const TAKEN_EMAIL = 'taken-7f3a9c@example.com';

export interface PostgresLab {
  readonly schema: string;
  /** Clients opened by the lab; all closed by `close`. */
  client(): Promise<pg.Client>;
  /** Runs one statement on a fresh client and returns what it threw. */
  failing(sql: string, values?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function openPostgresLab(target: PostgresTarget): Promise<PostgresLab> {
  const schema = uniqueName('faultline_db');
  const clients = new Set<pg.Client>();
  async function client(): Promise<pg.Client> {
    const connection = new pg.Client({ ...target, options: `-c search_path=${schema}` });
    // A backend the tests terminate reports it here too; the tests read it from the query.
    connection.on('error', () => undefined);
    // A connection that ended (a terminated backend) has nothing left to close.
    connection.once('end', () => clients.delete(connection));
    clients.add(connection);
    await connection.connect();
    return connection;
  }
  const admin = await client();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`
    CREATE TABLE parent (
      id int PRIMARY KEY,
      email text UNIQUE NOT NULL,
      name varchar(10),
      age int CHECK (age >= 0),
      born date
    );
    CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id));
    CREATE TABLE locks (id int PRIMARY KEY, n int NOT NULL);
    INSERT INTO parent (id, email) VALUES (1, '${TAKEN_EMAIL}');
    INSERT INTO child VALUES (1, 1);
    INSERT INTO locks VALUES (1, 0), (2, 0);
  `);
  return {
    schema,
    client,
    async failing(sql, values) {
      const connection = await client();
      return rejection(connection.query(sql, values));
    },
    async close() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await Promise.all([...clients].map((connection) => connection.end()));
    },
  };
}

/** Polls (query after query, no timer) until `pid` waits for a lock. */
async function waitingForLock(observer: pg.Client, pid: number): Promise<void> {
  for (;;) {
    const { rows } = await observer.query(
      'SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1',
      [pid],
    );
    if (rows[0]?.wait_event_type === 'Lock') return;
  }
}

async function pidOf(connection: pg.Client): Promise<number> {
  const { rows } = await connection.query('SELECT pg_backend_pid() AS pid');
  return rows[0].pid as number;
}

/** 40001: a REPEATABLE READ transaction updates a row another committed since its snapshot. */
export async function serializationFailure(lab: PostgresLab): Promise<unknown> {
  const [a, b] = [await lab.client(), await lab.client()];
  await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  await a.query('SELECT * FROM locks');
  await b.query('UPDATE locks SET n = n + 1 WHERE id = 1');
  const error = await rejection(a.query('UPDATE locks SET n = n + 1 WHERE id = 1'));
  await a.query('ROLLBACK');
  return error;
}

/** 40P01: two transactions each wait for the row the other holds. */
export async function deadlock(lab: PostgresLab): Promise<unknown> {
  const [a, b, observer] = [await lab.client(), await lab.client(), await lab.client()];
  const pidOfA = await pidOf(a);
  for (const connection of [a, b]) {
    await connection.query('BEGIN');
    // Only how soon the server looks for the deadlock; the test waits for the error itself.
    await connection.query("SET LOCAL deadlock_timeout = '20ms'");
  }
  await a.query('UPDATE locks SET n = n + 1 WHERE id = 1');
  await b.query('UPDATE locks SET n = n + 1 WHERE id = 2');
  const first = a.query('UPDATE locks SET n = n + 1 WHERE id = 2');
  await waitingForLock(observer, pidOfA);
  const second = b.query('UPDATE locks SET n = n + 1 WHERE id = 1');
  const settled = await Promise.allSettled([first, second]);
  await Promise.all([a.query('ROLLBACK'), b.query('ROLLBACK')]);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed === undefined) throw new Error('expected one of the two transactions to fail');
  return (failed as PromiseRejectedResult).reason;
}

/** 55P03: `FOR UPDATE NOWAIT` on a row another transaction holds. */
export async function lockNotAvailable(lab: PostgresLab): Promise<unknown> {
  const [a, b] = [await lab.client(), await lab.client()];
  await a.query('BEGIN');
  await a.query('SELECT * FROM locks WHERE id = 1 FOR UPDATE');
  const error = await rejection(b.query('SELECT * FROM locks WHERE id = 1 FOR UPDATE NOWAIT'));
  await a.query('ROLLBACK');
  return error;
}

/** 57P01: `pg_terminate_backend` while a query runs. */
export async function terminatedDuringQuery(lab: PostgresLab): Promise<unknown> {
  const [victim, observer] = [await lab.client(), await lab.client()];
  const pid = await pidOf(victim);
  const running = rejection(victim.query('SELECT pg_sleep(600)'));
  for (;;) {
    const { rows } = await observer.query(
      'SELECT wait_event FROM pg_stat_activity WHERE pid = $1',
      [pid],
    );
    if (rows[0]?.wait_event === 'PgSleep') break;
  }
  await observer.query('SELECT pg_terminate_backend($1)', [pid]);
  return running;
}

/** "Client has encountered a connection error and is not queryable": a query after a 57P01. */
export async function unqueryableClient(lab: PostgresLab): Promise<unknown> {
  const [victim, observer] = [await lab.client(), await lab.client()];
  const reported = once(victim, 'error');
  await observer.query('SELECT pg_terminate_backend($1)', [await pidOf(victim)]);
  await reported;
  return rejection(victim.query('SELECT 1'));
}

/** 53300: a role whose connection limit is 0. */
export async function tooManyConnections(
  lab: PostgresLab,
  target: PostgresTarget,
): Promise<unknown> {
  const role = uniqueName('faultline_role');
  const admin = await lab.client();
  await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 0`);
  try {
    const connection = new pg.Client({ ...target, user: role });
    return await rejection(connection.connect());
  } finally {
    await admin.query(`DROP ROLE ${role}`);
  }
}

/** ECONNREFUSED: `pg` connecting to a port nothing listens on. */
export async function connectionRefused(target: PostgresTarget): Promise<unknown> {
  const connection = new pg.Client({ ...target, port: await closedPort() });
  return rejection(connection.connect());
}

/** ENOTFOUND: `pg` connecting to a host name that cannot exist (RFC 2606 `.invalid`). */
export async function hostNotFound(target: PostgresTarget): Promise<unknown> {
  const connection = new pg.Client({ ...target, host: 'faultline-db.invalid' });
  return rejection(connection.connect());
}

/** "Connection terminated unexpectedly": the server closes the socket without a word. */
export async function connectionTerminated(target: PostgresTarget): Promise<unknown> {
  const server = await hangingUpServer();
  try {
    const connection = new pg.Client({ ...target, port: server.port });
    return await rejection(connection.connect());
  } finally {
    await server.stop();
  }
}

/** "timeout expired": a client's connect timeout, on a server that accepts and never answers. */
export async function connectTimeout(target: PostgresTarget): Promise<unknown> {
  const server = await silentServer();
  try {
    const connection = new pg.Client({ ...target, port: server.port, connectionTimeoutMillis: 1 });
    return await rejection(connection.connect());
  } finally {
    await server.stop();
  }
}

/** The same, through a pool: "Connection terminated due to connection timeout". */
export async function poolConnectTimeout(target: PostgresTarget): Promise<unknown> {
  const server = await silentServer();
  const pool = new pg.Pool({ ...target, port: server.port, connectionTimeoutMillis: 1 });
  try {
    return await rejection(pool.connect());
  } finally {
    await pool.end();
    await server.stop();
  }
}

/** pg-pool's "timeout exceeded when trying to connect": its one client is taken and kept. */
export async function poolTimeout(target: PostgresTarget): Promise<unknown> {
  const pool = new pg.Pool({ ...target, max: 1 });
  const held = await pool.connect();
  // Only now a bound on the wait for a client: the one client is held, so the wait never ends.
  (
    pool as unknown as { options: { connectionTimeoutMillis: number } }
  ).options.connectionTimeoutMillis = 1;
  try {
    return await rejection(pool.connect());
  } finally {
    held.release();
    await pool.end();
  }
}
