/**
 * The README's table "What each error answers", row by row, against real errors: each row's
 * examples are produced by the real drivers against the running servers (PostgreSQL with `pg`,
 * MariaDB with `mysql2`, SQLite with better-sqlite3 in memory), or built from fixtures in the
 * drivers' documented shapes where no test can make a server produce them. Each example's error
 * is checked to be the one the row names (its code), then answered through a normaliser with
 * `databaseErrors()`, and held to the row: status, `error_code`, `detail`, `Retry-After`, and no
 * private text. A row without examples here, or examples without a row, fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProblemError } from '@faultline/core';
import { databaseErrors } from '@faultline/db';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/node-postgres';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import {
  type Columns,
  expectRow,
  expectScenarioForEachRow,
  type Row,
  tableAfter,
} from '../../../scripts/readme-tables';
import { closedPort } from './helpers/closed-port';
import { mongodb, mysqlError, postgresError, prisma, socketError } from './helpers/fixtures';
import * as maria from './helpers/mariadb-lab';
import { observe, PRIVATE_TEXTS, readme, sent } from './helpers/observe';
import * as pglab from './helpers/postgres-lab';
import { rejection, thrownBy } from './helpers/rejection';
import { describeWithMariadb, describeWithPostgres } from './helpers/services';

const rows = tableAfter(readme, '## What each error answers');
const columns: Columns = { key: 'error', status: 'status', code: 'error_code', claims: ['answer'] };

/** One error to answer, and the members that show it is the error the row names. */
interface Example {
  readonly label: string;
  readonly error: unknown;
  readonly shape: Readonly<Record<string, unknown>>;
}

type Examples<Context> = (context: Context) => Promise<Example[]>;

function example(label: string, error: unknown, shape: Record<string, unknown>): Example {
  return { label, error, shape };
}

/** Checks each example against its row: the error is the one named, the answer the one listed. */
function expectExamples(row: Row, examples: readonly Example[]): void {
  expect(examples.length).toBeGreaterThan(0);
  for (const { label, error, shape } of examples) {
    expect([label, error]).toEqual([label, expect.objectContaining(shape)]);
    const observed = observe(error);
    expectRow(row, columns, observed);
    if (observed.status === 503) {
      expect([label, observed.body.detail]).toEqual([label, undefined]);
    }
    for (const text of PRIVATE_TEXTS) {
      expect([label, text, sent(observed).includes(text)]).toEqual([label, text, false]);
    }
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') {
      expect([label, sent(observed).includes(message)]).toEqual([label, false]);
    }
  }
}

// ---------------------------------------------------------------- PostgreSQL, with `pg`

interface PgContext {
  readonly lab: pglab.PostgresLab;
  readonly target: Parameters<typeof pglab.openPostgresLab>[0];
}

const postgresRows: Readonly<Record<string, Examples<PgContext>>> = {
  'PostgreSQL `23505` unique violation': async ({ lab }) => [
    example(
      'unique email',
      await lab.failing(`INSERT INTO parent (id, email) VALUES (2, $1)`, [pglab.TAKEN_EMAIL]),
      { code: '23505', constraint: 'parent_email_key' },
    ),
    example(
      'primary key',
      await lab.failing(`INSERT INTO parent (id, email) VALUES (1, 'other@example.com')`),
      { code: '23505', constraint: 'parent_pkey' },
    ),
  ],
  'PostgreSQL `23503` foreign key, on insert or update': async ({ lab }) => [
    example('insert', await lab.failing('INSERT INTO child VALUES (2, 999)'), { code: '23503' }),
    example('update', await lab.failing('UPDATE child SET parent_id = 998 WHERE id = 1'), {
      code: '23503',
    }),
  ],
  'PostgreSQL `23503` foreign key, on update or delete': async ({ lab }) => [
    example('delete', await lab.failing('DELETE FROM parent WHERE id = 1'), { code: '23503' }),
    example('update', await lab.failing('UPDATE parent SET id = 5 WHERE id = 1'), {
      code: '23503',
    }),
  ],
  'PostgreSQL `23502` not-null violation': async ({ lab }) => [
    example('null email', await lab.failing('INSERT INTO parent (id, email) VALUES (3, NULL)'), {
      code: '23502',
      column: 'email',
    }),
  ],
  'PostgreSQL `23514` check violation': async ({ lab }) => [
    example(
      'negative age',
      await lab.failing(`INSERT INTO parent (id, email, age) VALUES (4, 'a@example.com', -1)`),
      { code: '23514' },
    ),
  ],
  'PostgreSQL `22001` value too long': async ({ lab }) => [
    example(
      'name over 10',
      await lab.failing(`INSERT INTO parent (id, email, name) VALUES (5, 'b@example.com', $1)`, [
        'n'.repeat(11),
      ]),
      { code: '22001' },
    ),
  ],
  'PostgreSQL `22P02` invalid text representation, `22007` invalid datetime format': async ({
    lab,
  }) => [
    example('text as int', await lab.failing('SELECT * FROM parent WHERE id = $1', ['abc']), {
      code: '22P02',
    }),
    example('text as date', await lab.failing('SELECT * FROM parent WHERE born = $1', ['nope']), {
      code: '22007',
    }),
  ],
  'PostgreSQL `40001` serialization failure, `40P01` deadlock, `55P03` lock not available': async ({
    lab,
  }) => [
    example('serialization', await pglab.serializationFailure(lab), { code: '40001' }),
    example('deadlock', await pglab.deadlock(lab), { code: '40P01' }),
    example('nowait', await pglab.lockNotAvailable(lab), { code: '55P03' }),
  ],
  'PostgreSQL `57P01` admin shutdown, `57P02`, `57P03`, `53300` too many connections, class `08`':
    async ({ lab, target }) => [
      example('terminated', await pglab.terminatedDuringQuery(lab), { code: '57P01' }),
      example('connection limit', await pglab.tooManyConnections(lab, target), { code: '53300' }),
      // A server cannot be brought to crash, start up or break its connection on demand.
      example(
        'crash shutdown (fixture)',
        postgresError('57P02', 'terminating connection because of crash of another server process'),
        { code: '57P02' },
      ),
      example(
        'starting up (fixture)',
        postgresError('57P03', 'the database system is starting up'),
        { code: '57P03' },
      ),
      example('connection failure (fixture)', postgresError('08006', 'connection failure'), {
        code: '08006',
      }),
      example(
        'cannot establish (fixture)',
        postgresError('08001', 'could not establish connection', 'ERROR'),
        { code: '08001' },
      ),
    ],
  "`pg` losing its connection (`Connection terminated unexpectedly`, a pool's connect timeout, a client no longer queryable)":
    async ({ lab, target }) => [
      example('server hangs up', await pglab.connectionTerminated(target), {
        message: 'Connection terminated unexpectedly',
      }),
      example('client connect timeout', await pglab.connectTimeout(target), {
        message: 'timeout expired',
      }),
      example('pool connect timeout', await pglab.poolConnectTimeout(target), {
        message: 'Connection terminated due to connection timeout',
      }),
      example('pool timeout', await pglab.poolTimeout(target), {
        message: 'timeout exceeded when trying to connect',
      }),
      example('after termination', await pglab.unqueryableClient(lab), {
        message: 'Client has encountered a connection error and is not queryable',
      }),
    ],
  'A network error a driver threw: `ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`, ...': async ({
    target,
  }) => [
    example('pg, closed port', await pglab.connectionRefused(target), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
    }),
    example('pg, no such host', await pglab.hostNotFound(target), {
      code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/),
    }),
    // The system's connect timeout is minutes long: its error, as Node builds it.
    example('timed out (fixture)', socketError('ETIMEDOUT', -110), { code: 'ETIMEDOUT' }),
    example('unreachable (fixture)', socketError('EHOSTUNREACH', -113), { code: 'EHOSTUNREACH' }),
    example('reset (fixture)', socketError('ECONNRESET', -104), { code: 'ECONNRESET' }),
  ],
};

// ---------------------------------------------------------------- MariaDB, with `mysql2`

interface MariaContext {
  readonly lab: maria.MariadbLab;
  readonly target: Parameters<typeof maria.openMariadbLab>[0];
}

const mariadbRows: Readonly<Record<string, Examples<MariaContext>>> = {
  'MariaDB/MySQL `1062` duplicate entry': async ({ lab }) => [
    example(
      'unique email',
      await lab.failing(`INSERT INTO ${lab.parent} (id, email) VALUES (2, ?)`, [maria.TAKEN_EMAIL]),
      { errno: 1062, code: 'ER_DUP_ENTRY' },
    ),
    example(
      'primary key',
      await lab.failing(`INSERT INTO ${lab.parent} (id, email) VALUES (1, 'other@example.com')`),
      { errno: 1062 },
    ),
  ],
  'MariaDB/MySQL `1452` no referenced row': async ({ lab }) => [
    example('insert', await lab.failing(`INSERT INTO ${lab.child} VALUES (2, 999)`), {
      errno: 1452,
    }),
  ],
  'MariaDB/MySQL `1451` row is referenced': async ({ lab }) => [
    example('delete', await lab.failing(`DELETE FROM ${lab.parent} WHERE id = 1`), {
      errno: 1451,
    }),
  ],
  'MariaDB/MySQL `1048` column cannot be null, `1364` no default value': async ({ lab }) => [
    example('null', await lab.failing(`INSERT INTO ${lab.parent} (id, email) VALUES (3, NULL)`), {
      errno: 1048,
    }),
    example('omitted', await lab.failing(`INSERT INTO ${lab.parent} (id) VALUES (3)`), {
      errno: 1364,
    }),
  ],
  'MariaDB/MySQL `4025` (MariaDB), `3819` (MySQL) check constraint': async ({ lab }) => [
    example(
      'negative age',
      await lab.failing(
        `INSERT INTO ${lab.parent} (id, email, age) VALUES (4, 'a@example.com', -1)`,
      ),
      { errno: 4025 },
    ),
    // MySQL 8's code for the same failure; this server is MariaDB.
    example(
      'MySQL (fixture)',
      mysqlError(
        3819,
        'ER_CHECK_CONSTRAINT_VIOLATED',
        'HY000',
        "Check constraint 'parent_chk_1' is violated.",
      ),
      { errno: 3819 },
    ),
  ],
  'MariaDB/MySQL `1406` data too long': async ({ lab }) => [
    example(
      'name over 10',
      await lab.failing(
        `INSERT INTO ${lab.parent} (id, email, name) VALUES (5, 'b@example.com', ?)`,
        ['n'.repeat(11)],
      ),
      { errno: 1406 },
    ),
  ],
  'MariaDB/MySQL `1366`, `1292` incorrect value': async ({ lab }) => [
    example(
      'text as int',
      await lab.failing(`INSERT INTO ${lab.parent} (id, email) VALUES ('abc', 'c@example.com')`),
      { errno: 1366 },
    ),
    example(
      'bad date',
      await lab.failing(
        `INSERT INTO ${lab.parent} (id, email, born) VALUES (6, 'd@example.com', '2020-13-45')`,
      ),
      { errno: 1292 },
    ),
  ],
  'MariaDB/MySQL `1213` deadlock, `1205` lock wait timeout': async ({ lab }) => [
    example('deadlock', await maria.deadlock(lab), { errno: 1213 }),
    example('lock wait', await maria.lockWaitTimeout(lab), { errno: 1205 }),
  ],
  "MariaDB/MySQL `1927` connection killed, `1040` too many connections, `1053` shutdown; `mysql2`'s `PROTOCOL_CONNECTION_LOST` and closed connection":
    async ({ lab }) => {
      const killed = await maria.killedConnection(lab);
      return [
        example('killed during a query', killed.duringQuery, {
          code: 'PROTOCOL_CONNECTION_LOST',
          fatal: true,
        }),
        example('used after', killed.afterwards, {
          message: "Can't add new command when connection is in closed state",
          fatal: true,
        }),
        // Server states a test cannot bring about without disturbing the server for others.
        example(
          'killed (fixture)',
          mysqlError(1927, 'ER_CONNECTION_KILLED', '70100', 'Connection was killed'),
          { errno: 1927 },
        ),
        example(
          'too many (fixture)',
          mysqlError(1040, 'ER_CON_COUNT_ERROR', '08004', 'Too many connections'),
          {
            errno: 1040,
          },
        ),
        example(
          'shutdown (fixture)',
          mysqlError(1053, 'ER_SERVER_SHUTDOWN', '08S01', 'Server shutdown in progress'),
          { errno: 1053 },
        ),
      ];
    },
};

// ---------------------------------------------------------------- no server

function sqlite(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE parent (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, age INT CHECK (age >= 0));
    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INT REFERENCES parent (id));
    INSERT INTO parent (id, email) VALUES (1, 'taken-7f3a9c@example.com');
    INSERT INTO child VALUES (1, 1);
  `);
  return db;
}

/** SQLITE_BUSY needs two connections to one database: a file in a directory of its own. */
function sqliteBusy(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-db-'));
  const [a, b] = [
    new Database(join(dir, 'busy.db')),
    new Database(join(dir, 'busy.db'), { timeout: 0 }),
  ];
  try {
    a.exec('CREATE TABLE t (n INT)');
    a.exec('BEGIN EXCLUSIVE');
    return thrownBy(() => b.exec('INSERT INTO t VALUES (1)'));
  } finally {
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const standaloneRows: Readonly<Record<string, Examples<void>>> = {
  'SQLite `SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_CONSTRAINT_PRIMARYKEY`': async () => [
    example(
      'unique',
      thrownBy(() =>
        sqlite()
          .prepare('INSERT INTO parent (id, email) VALUES (2, ?)')
          .run('taken-7f3a9c@example.com'),
      ),
      { code: 'SQLITE_CONSTRAINT_UNIQUE' },
    ),
    example(
      'primary key',
      thrownBy(() => sqlite().exec(`INSERT INTO parent (id, email) VALUES (1, 'x')`)),
      {
        code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
      },
    ),
  ],
  'SQLite `SQLITE_CONSTRAINT_FOREIGNKEY` (on insert and delete alike: SQLite does not say which)':
    async () => [
      example(
        'insert',
        thrownBy(() => sqlite().exec('INSERT INTO child VALUES (2, 999)')),
        {
          code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
        },
      ),
      example(
        'delete',
        thrownBy(() => sqlite().exec('DELETE FROM parent WHERE id = 1')),
        {
          code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
        },
      ),
    ],
  'SQLite `SQLITE_CONSTRAINT_NOTNULL`': async () => [
    example(
      'null',
      thrownBy(() => sqlite().exec('INSERT INTO parent (id, email) VALUES (3, NULL)')),
      {
        code: 'SQLITE_CONSTRAINT_NOTNULL',
      },
    ),
  ],
  'SQLite `SQLITE_CONSTRAINT_CHECK`': async () => [
    example(
      'negative age',
      thrownBy(() => sqlite().exec(`INSERT INTO parent (id, email, age) VALUES (4, 'a', -1)`)),
      { code: 'SQLITE_CONSTRAINT_CHECK' },
    ),
  ],
  'SQLite `SQLITE_BUSY` and its extended codes': async () => [
    example('exclusive lock held', sqliteBusy(), { code: 'SQLITE_BUSY' }),
  ],
  'MongoDB `11000`, `11001` duplicate key': async () => [
    example('11000', mongodb.duplicateKey(11000), { code: 11000 }),
    example('11001', mongodb.duplicateKey(11001), { code: 11001 }),
    example('bulk write', mongodb.bulkDuplicateKey(), { code: 11000 }),
  ],
  'MongoDB `MongoNetworkError`, `MongoNetworkTimeoutError`, `MongoServerSelectionError`':
    async () => [
      example('network', mongodb.network(), { name: 'MongoNetworkError' }),
      example('timeout', mongodb.networkTimeout(), { name: 'MongoNetworkTimeoutError' }),
      example('selection', mongodb.serverSelection(), { name: 'MongoServerSelectionError' }),
    ],
  'Prisma `P2002` unique constraint': async () => [
    example('classic engine', prisma.uniqueClassic(), { code: 'P2002' }),
    example('driver adapter', prisma.uniqueAdapter(), { code: 'P2002' }),
  ],
  'Prisma `P2003` foreign key, on create or update': async () => [
    example('classic engine', prisma.foreignKeyCreateClassic(), { code: 'P2003' }),
    example('driver adapter', prisma.foreignKeyCreateAdapter(), { code: 'P2003' }),
  ],
  'Prisma `P2003` foreign key, on delete': async () => [
    example('classic engine', prisma.foreignKeyDeleteClassic(), { code: 'P2003' }),
    example('pg adapter', prisma.foreignKeyDeleteAdapter(), { code: 'P2003' }),
    example('mariadb adapter', prisma.foreignKeyDeleteMysqlAdapter(), { code: 'P2003' }),
  ],
  'Prisma `P2011` null constraint': async () => [
    example('classic engine', prisma.nullClassic(), { code: 'P2011' }),
    example('driver adapter', prisma.nullAdapter(), { code: 'P2011' }),
  ],
  'Prisma `P2000` value too long': async () => [
    example('classic', prisma.tooLong(), { code: 'P2000' }),
  ],
  'Prisma `P2025` record not found': async () => [
    example('update', prisma.notFound(), { code: 'P2025' }),
  ],
  'Prisma `P2034` write conflict or deadlock': async () => [
    example('conflict', prisma.writeConflict(), { code: 'P2034' }),
  ],
  'Prisma `P1001`, `P1002`, `P1008`, `P1017`, `P2024` (server unreachable, timed out, closed the connection; pool timeout)':
    async () => [
      example('P1001', prisma.unreachable(), { errorCode: 'P1001' }),
      example('P1002', prisma.connectTimeout(), { errorCode: 'P1002' }),
      example('P1008', prisma.operationTimeout(), { code: 'P1008' }),
      example('P1017', prisma.connectionClosed(), { code: 'P1017' }),
      example('P2024', prisma.poolTimeout(), { code: 'P2024' }),
    ],
};

// ---------------------------------------------------------------- the two rows of wrapping

const INSIDE =
  "Any of the above inside Drizzle's `DrizzleQueryError`, or in an application's `cause` chain";
const ELSEWHERE =
  "Anything else (an unknown SQLSTATE, a syntax error, a network error below an HTTP client's wrapper, an error that already has an HTTP status)";

const special = [INSIDE, ELSEWHERE];
const allRows = { ...postgresRows, ...mariadbRows, ...standaloneRows };

it('the table has a row for every example here, and examples for every row', () => {
  expectScenarioForEachRow(
    rows,
    'error',
    Object.fromEntries([...Object.keys(allRows), ...special].map((key) => [key, true])),
  );
});

function rowNamed(key: string): Row {
  const row = rows.find((candidate) => candidate.error === key);
  if (row === undefined) throw new Error(`README: no row "${key}"`);
  return row;
}

describe('rows needing no server', () => {
  it.each(Object.keys(standaloneRows))('%s', async (key) => {
    expectExamples(rowNamed(key), await standaloneRows[key]!());
  });
});

describeWithPostgres('rows produced against PostgreSQL', (target) => {
  let lab: pglab.PostgresLab;
  beforeAll(async () => {
    lab = await pglab.openPostgresLab(target);
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  }, 60_000);

  it.each(Object.keys(postgresRows))('%s', async (key) => {
    expectExamples(rowNamed(key), await postgresRows[key]!({ lab, target }));
  });

  describe(INSIDE, () => {
    it("Drizzle's DrizzleQueryError, Kysely and an application's cause: the answer of the error inside", async () => {
      const pool = new pg.Pool({ ...target, options: `-c search_path=${lab.schema}` });
      try {
        const schema = pgSchema(lab.schema);
        const parent = schema.table('parent', {
          id: integer('id').primaryKey(),
          email: text('email'),
        });
        const viaDrizzle = await rejection(
          drizzle(pool).insert(parent).values({ id: 7, email: pglab.TAKEN_EMAIL }),
        );
        expect(viaDrizzle).toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
        expect((viaDrizzle as object).constructor.name).toBe('DrizzleQueryError');
        const db = new Kysely<{ parent: { id: number; email: string } }>({
          dialect: new PostgresDialect({ pool }),
        });
        const viaKysely = await rejection(
          db.insertInto('parent').values({ id: 8, email: pglab.TAKEN_EMAIL }).execute(),
        );
        expect(viaKysely).toMatchObject({ code: '23505' });

        const inner = (viaDrizzle as { cause: unknown }).cause;
        const expected = observe(inner);
        expectRow(rowNamed('PostgreSQL `23505` unique violation'), columns, expected);
        const applications = new Error('could not create the dataset', {
          cause: new Error('repository failed', { cause: inner }),
        });
        for (const wrapped of [viaDrizzle, viaKysely, applications]) {
          const observed = observe(wrapped);
          expect(observed).toEqual(expected);
          for (const text of PRIVATE_TEXTS) expect(sent(observed)).not.toContain(text);
        }
        // Drizzle's network error, as it wraps it: the database's own.
        const refused = await pglab.connectionRefused(target);
        const drizzleRefused = Object.assign(new Error('Failed query: select 1\nparams: '), {
          query: 'select 1',
          params: [],
          cause: refused,
        });
        expect(observe(drizzleRefused)).toMatchObject({
          status: 503,
          headers: { 'retry-after': '5' },
        });
      } finally {
        await pool.end();
      }
    });
  });

  describe(ELSEWHERE, () => {
    const mapper = databaseErrors();

    it('passes on what it does not know, and what already has an answer', async () => {
      const row = rowNamed(ELSEWHERE);
      expect([row.status, row.error_code]).toEqual(['—', '—']);
      const undefinedTable = await lab.failing('SELECT * FROM no_such_table');
      expect(undefinedTable).toMatchObject({ code: '42P01' });
      const syntax = await lab.failing('SELEC 1');
      expect(syntax).toMatchObject({ code: '42601' });
      const port = await closedPort();
      const viaFetch = await rejection(fetch(`http://127.0.0.1:${port}/`));
      expect(viaFetch).toMatchObject({
        name: 'TypeError',
        cause: expect.objectContaining({ code: 'ECONNREFUSED' }),
      });
      const unique = await lab.failing(`INSERT INTO parent (id, email) VALUES (9, $1)`, [
        pglab.TAKEN_EMAIL,
      ]);
      const decided = [
        new ProblemError('BAD_GATEWAY', { cause: unique }),
        Object.assign(new Error('conflict'), { status: 409, expose: true, cause: unique }),
        Object.assign(new Error('boom'), { isBoom: true, cause: unique }),
        Object.assign(new Error('wrapped'), { statusCode: 502, cause: unique }),
      ];
      for (const error of [
        undefinedTable,
        syntax,
        viaFetch,
        ...decided,
        new Error('anything'),
        'text',
        42,
        null,
        undefined,
      ]) {
        expect(mapper(error)).toBeUndefined();
      }
    });
  });
});

describeWithMariadb('rows produced against MariaDB', (target) => {
  let lab: maria.MariadbLab;
  beforeAll(async () => {
    lab = await maria.openMariadbLab(target);
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  }, 60_000);

  it.each(Object.keys(mariadbRows))('%s', async (key) => {
    expectExamples(rowNamed(key), await mariadbRows[key]!({ lab, target }));
  });

  it('a network error mysql2 threw (closed port): the row of network errors', async () => {
    const refused = await maria.connectionRefused(target);
    expect(refused).toMatchObject({ code: 'ECONNREFUSED', fatal: true });
    expectExamples(
      rowNamed('A network error a driver threw: `ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`, ...'),
      [example('mysql2, closed port', refused, { code: 'ECONNREFUSED' })],
    );
  });
});
