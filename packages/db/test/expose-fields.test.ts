/**
 * `exposeFields`: a problem names a column only when the application allows it, under the name
 * the application gives, and never its value. The errors are real (SQLite in memory,
 * PostgreSQL, MariaDB).
 */
import { createNormaliser } from '@faultline/core';
import { type DatabaseErrorsOptions, databaseErrors } from '@faultline/db';
import Database from 'better-sqlite3';
import { mongodb, prisma } from './helpers/fixtures';
import * as maria from './helpers/mariadb-lab';
import { PRIVATE_TEXTS, sent } from './helpers/observe';
import * as pglab from './helpers/postgres-lab';
import { thrownBy } from './helpers/rejection';
import { describeWithMariadb, describeWithPostgres } from './helpers/services';

function answer(error: unknown, options: DatabaseErrorsOptions) {
  const { status, headers, body } = createNormaliser({ mappers: [databaseErrors(options)] })(error);
  return { status, headers, body: body as unknown as Record<string, unknown> };
}

function sqlite(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE users (id INTEGER PRIMARY KEY, space TEXT NOT NULL, name TEXT NOT NULL, secret TEXT UNIQUE, UNIQUE (space, name));
    INSERT INTO users VALUES (1, 's', 'taken-7f3a9c', 'private-7f3a9c');
  `);
  return db;
}

describe('exposeFields, on SQLite errors', () => {
  const duplicateName = () =>
    thrownBy(() => sqlite().exec(`INSERT INTO users VALUES (2, 's', 'taken-7f3a9c', NULL)`));
  const missingName = () =>
    thrownBy(() => sqlite().exec(`INSERT INTO users (id, space) VALUES (2, 's')`));

  it('none by default: the problem speaks of a value', () => {
    expect(answer(duplicateName(), {}).body.detail).toBe(
      'A resource with the same unique value already exists.',
    );
    expect(answer(missingName(), {}).body).not.toHaveProperty('errors');
  });

  it('a list: the listed columns of the key, as they are', () => {
    expect(answer(duplicateName(), { exposeFields: ['space', 'name'] }).body.detail).toBe(
      "A resource with the same 'space' and 'name' already exists.",
    );
    expect(answer(duplicateName(), { exposeFields: ['name'] }).body.detail).toBe(
      "A resource with the same 'name' already exists.",
    );
    expect(answer(duplicateName(), { exposeFields: ['email'] }).body.detail).toBe(
      'A resource with the same unique value already exists.',
    );
  });

  it('a 422 that names its field lists it in errors, with a JSON Pointer', () => {
    expect(answer(missingName(), { exposeFields: ['name'] }).body).toEqual({
      status: 422,
      title: 'Unprocessable Content',
      type: 'about:blank',
      detail: "The 'name' field is required.",
      error_code: 'MISSING_REQUIRED_FIELD',
      errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
    });
  });

  it('a function: the API name of a column, with its table; undefined keeps it private', () => {
    const seen: unknown[] = [];
    const options: DatabaseErrorsOptions = {
      exposeFields: (column, table) => {
        seen.push([column, table]);
        return column === 'name' ? 'displayName' : undefined;
      },
    };
    expect(answer(missingName(), options).body).toMatchObject({
      detail: "The 'displayName' field is required.",
      errors: [{ detail: "The 'displayName' field is required.", pointer: '#/displayName' }],
    });
    expect(answer(duplicateName(), options).body.detail).toBe(
      "A resource with the same 'displayName' already exists.",
    );
    expect(seen).toEqual([
      ['name', 'users'],
      ['space', 'users'],
      ['name', 'users'],
    ]);
  });

  it('a name is written as a JSON Pointer, escaped', () => {
    const body = answer(missingName(), { exposeFields: () => 'a/b~c d' }).body;
    expect(body.errors).toEqual([
      { detail: "The 'a/b~c d' field is required.", pointer: '#/a~1b~0c%20d' },
    ]);
  });

  it('never the value, even of an exposed column', () => {
    const observed = answer(duplicateName(), { exposeFields: ['space', 'name', 'secret'] });
    for (const text of PRIVATE_TEXTS) expect(sent(observed)).not.toContain(text);
  });
});

describe('exposeFields, on Prisma and MongoDB errors (fixtures)', () => {
  it.each([
    [
      'Prisma P2002, classic engine',
      prisma.uniqueClassic(),
      "A resource with the same 'email' already exists.",
    ],
    [
      'Prisma P2002, driver adapter (quoted column)',
      prisma.uniqueAdapter(),
      "A resource with the same 'email' already exists.",
    ],
    ['Prisma P2011, driver adapter', prisma.nullAdapter(), "The 'name' field is required."],
    [
      'Prisma P2003, classic engine',
      prisma.foreignKeyCreateClassic(),
      "The 'authorId' field refers to a resource that does not exist.",
    ],
    ['Prisma P2000', prisma.tooLong(), "The 'name' field is too long."],
    ['MongoDB 11000', mongodb.duplicateKey(), "A resource with the same 'email' already exists."],
  ])('%s', (_name, error, detail) => {
    const observed = answer(error, { exposeFields: ['email', 'name', 'authorId'] });
    expect(observed.body.detail).toBe(detail);
    for (const text of PRIVATE_TEXTS) expect(sent(observed)).not.toContain(text);
  });
});

describeWithPostgres('exposeFields, on PostgreSQL errors', (target) => {
  let lab: pglab.PostgresLab;
  beforeAll(async () => {
    lab = await pglab.openPostgresLab(target);
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  }, 60_000);

  it('unique, foreign key and not-null name their columns; the values stay private', async () => {
    const options: DatabaseErrorsOptions = {
      exposeFields: (column) => ({ email: 'email', parent_id: 'parentId' })[column],
    };
    const unique = answer(
      await lab.failing('INSERT INTO parent (id, email) VALUES (2, $1)', [pglab.TAKEN_EMAIL]),
      options,
    );
    expect(unique.body.detail).toBe("A resource with the same 'email' already exists.");
    const reference = answer(await lab.failing('INSERT INTO child VALUES (2, 999)'), options);
    expect(reference.body).toMatchObject({
      status: 422,
      detail: "The 'parentId' field refers to a resource that does not exist.",
      errors: [
        {
          detail: "The 'parentId' field refers to a resource that does not exist.",
          pointer: '#/parentId',
        },
      ],
    });
    const required = answer(
      await lab.failing('INSERT INTO parent (id, email) VALUES (3, NULL)'),
      options,
    );
    expect(required.body.detail).toBe("The 'email' field is required.");
    // A column the function keeps private (the primary key `id`).
    const primary = answer(
      await lab.failing(`INSERT INTO parent (id, email) VALUES (1, 'x@example.com')`),
      options,
    );
    expect(primary.body.detail).toBe('A resource with the same unique value already exists.');
    for (const observed of [unique, reference, required, primary]) {
      for (const text of PRIVATE_TEXTS) expect(sent(observed)).not.toContain(text);
      expect(sent(observed)).not.toContain('999');
    }
  });
});

describeWithMariadb('exposeFields, on MariaDB errors', (target) => {
  let lab: maria.MariadbLab;
  beforeAll(async () => {
    lab = await maria.openMariadbLab(target);
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  }, 60_000);

  it('the key of a duplicate (named after its column), a foreign key, a null and a default', async () => {
    const options: DatabaseErrorsOptions = { exposeFields: ['email', 'parent_id', 'name'] };
    const cases: [unknown, string][] = [
      [
        await lab.failing(`INSERT INTO ${lab.parent} (id, email) VALUES (2, ?)`, [
          maria.TAKEN_EMAIL,
        ]),
        "A resource with the same 'email' already exists.",
      ],
      [
        await lab.failing(`INSERT INTO ${lab.child} VALUES (2, 999)`),
        "The 'parent_id' field refers to a resource that does not exist.",
      ],
      [
        await lab.failing(`INSERT INTO ${lab.parent} (id, email) VALUES (3, NULL)`),
        "The 'email' field is required.",
      ],
      [
        await lab.failing(`INSERT INTO ${lab.parent} (id) VALUES (3)`),
        "The 'email' field is required.",
      ],
      [
        await lab.failing(
          `INSERT INTO ${lab.parent} (id, email, name) VALUES (4, 'a@example.com', ?)`,
          ['n'.repeat(11)],
        ),
        "The 'name' field is too long.",
      ],
      // The primary key's name is PRIMARY, which no one lists.
      [
        await lab.failing(`INSERT INTO ${lab.parent} (id, email) VALUES (1, 'x@example.com')`),
        'A resource with the same unique value already exists.',
      ],
    ];
    for (const [error, detail] of cases) {
      const observed = answer(error, options);
      expect(observed.body.detail).toBe(detail);
      for (const text of PRIVATE_TEXTS) expect(sent(observed)).not.toContain(text);
    }
  });
});
