/**
 * Real MariaDB errors, each produced by `mysql2` against the running server, in tables of their
 * own (`faultline_db_<pid>_<random>_…`), dropped at the end.
 */
import mysql from 'mysql2/promise';
import { closedPort } from './closed-port';
import { rejection } from './rejection';
import { type MariadbTarget, uniqueName } from './services';

export const TAKEN_EMAIL = 'taken-7f3a9c@example.com';

export interface MariadbLab {
  readonly parent: string;
  readonly child: string;
  readonly locks: string;
  connection(): Promise<mysql.Connection>;
  failing(sql: string, values?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function openMariadbLab(target: MariadbTarget): Promise<MariadbLab> {
  const prefix = uniqueName('faultline_db');
  const [parent, child, locks] = ['parent', 'child', 'locks'].map(
    (name) => `${prefix}_${name}`,
  ) as [string, string, string];
  const connections: mysql.Connection[] = [];
  async function connection(): Promise<mysql.Connection> {
    const made = await mysql.createConnection({ ...target, multipleStatements: true });
    // A connection the tests kill reports it here too; the tests read it from the query.
    made.on('error', () => undefined);
    connections.push(made);
    await made.query("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
    return made;
  }
  const admin = await connection();
  await admin.query(`
    CREATE TABLE ${parent} (
      id int PRIMARY KEY,
      email varchar(64) NOT NULL,
      name varchar(10),
      age int CHECK (age >= 0),
      born date,
      UNIQUE KEY email (email)
    ) ENGINE=InnoDB;
    CREATE TABLE ${child} (
      id int PRIMARY KEY,
      parent_id int,
      FOREIGN KEY (parent_id) REFERENCES ${parent} (id)
    ) ENGINE=InnoDB;
    CREATE TABLE ${locks} (id int PRIMARY KEY, n int NOT NULL) ENGINE=InnoDB;
    INSERT INTO ${parent} (id, email) VALUES (1, '${TAKEN_EMAIL}');
    INSERT INTO ${child} VALUES (1, 1);
    INSERT INTO ${locks} VALUES (1, 0), (2, 0);
  `);
  return {
    parent,
    child,
    locks,
    connection,
    async failing(sql, values) {
      const made = await connection();
      return rejection(made.query(sql, values));
    },
    async close() {
      await admin.query(`DROP TABLE ${child}, ${parent}, ${locks}`);
      await Promise.all(connections.map((made) => made.end().catch(() => undefined)));
    },
  };
}

/** 1213: two transactions each wait for the row the other holds. */
export async function deadlock(lab: MariadbLab): Promise<unknown> {
  const [a, b] = [await lab.connection(), await lab.connection()];
  // Were detection off, a lock wait timeout would end the test with 1205 instead of a hang.
  await Promise.all([a, b].map((made) => made.query('SET SESSION innodb_lock_wait_timeout = 20')));
  await a.query('BEGIN');
  await b.query('BEGIN');
  await a.query(`UPDATE ${lab.locks} SET n = n + 1 WHERE id = 1`);
  await b.query(`UPDATE ${lab.locks} SET n = n + 1 WHERE id = 2`);
  // Each now asks for the row the other holds. Whichever asks second closes the cycle, so the
  // server detects the deadlock in either order; nothing needs to watch for the first to wait.
  // (Watching through information_schema.innodb_trx can starve: InnoDB refreshes that table
  // only when nobody has read it for 100 ms, and a polling loop reads it continuously.)
  const settled = await Promise.allSettled([
    a.query(`UPDATE ${lab.locks} SET n = n + 1 WHERE id = 2`),
    b.query(`UPDATE ${lab.locks} SET n = n + 1 WHERE id = 1`),
  ]);
  await Promise.all([a.query('ROLLBACK'), b.query('ROLLBACK')]);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed === undefined) throw new Error('expected one of the two transactions to fail');
  return (failed as PromiseRejectedResult).reason;
}

/** 1205: a row another transaction holds, with a lock wait of one second. */
export async function lockWaitTimeout(lab: MariadbLab): Promise<unknown> {
  const [a, b] = [await lab.connection(), await lab.connection()];
  await a.query('BEGIN');
  await a.query(`SELECT * FROM ${lab.locks} WHERE id = 1 FOR UPDATE`);
  // The shortest wait the server allows; the test waits for the error itself, not for a time.
  await b.query('SET SESSION innodb_lock_wait_timeout = 1');
  const error = await rejection(b.query(`UPDATE ${lab.locks} SET n = n + 1 WHERE id = 1`));
  await a.query('ROLLBACK');
  return error;
}

/** `KILL` during a query (`PROTOCOL_CONNECTION_LOST`), then the next query (closed state). */
export async function killedConnection(
  lab: MariadbLab,
): Promise<{ duringQuery: unknown; afterwards: unknown }> {
  const [victim, observer] = [await lab.connection(), await lab.connection()];
  const running = rejection(victim.query('SELECT SLEEP(600)'));
  for (;;) {
    const [rows] = await observer.query(
      'SELECT state FROM information_schema.processlist WHERE id = ?',
      [victim.threadId],
    );
    if ((rows as { state: string }[])[0]?.state === 'User sleep') break;
  }
  await observer.query(`KILL ${victim.threadId}`);
  const duringQuery = await running;
  const afterwards = await rejection(victim.query('SELECT 1'));
  return { duringQuery, afterwards };
}

/** ECONNREFUSED: `mysql2` connecting to a port nothing listens on. */
export async function connectionRefused(target: MariadbTarget): Promise<unknown> {
  return rejection(mysql.createConnection({ ...target, port: await closedPort() }));
}
