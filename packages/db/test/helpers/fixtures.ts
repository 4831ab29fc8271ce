/**
 * Errors no test can make a server produce on demand (MongoDB and Prisma, which these tests do
 * not run; a PostgreSQL or MariaDB server shutting down or out of connection slots), built in
 * the shapes their drivers document. Each plants the private text a leak would show.
 */
import pg from 'pg';

export const PRIVATE_VALUE = 'taken-7f3a9c@example.com';
export const PRIVATE_HOST = 'db-7f3a9c.internal';

/** An error of a named class, as the drivers' own classes are named. */
function named<T extends object>(name: string, message: string, members: T): Error & T {
  const error = new Error(message) as Error & T;
  Object.defineProperty(error, 'name', { value: name, configurable: true, writable: true });
  return Object.assign(error, members);
}

/** `pg`'s own `DatabaseError`, as its protocol parser builds one from a server's ErrorResponse. */
export function postgresError(code: string, message: string, severity = 'FATAL'): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  return Object.assign(error, { severity, code, routine: 'ProcessInterrupts' });
}

/** A `mysql2` error as its protocol parser builds one from a server's error packet. */
export function mysqlError(errno: number, code: string, sqlState: string, message: string): Error {
  return Object.assign(new Error(message), { code, errno, sqlState, sqlMessage: message });
}

/** Node's error for a socket that could not connect (`connect ETIMEDOUT …`). */
export function socketError(code: string, errno: number): Error {
  return Object.assign(new Error(`connect ${code} ${PRIVATE_HOST}:5432`), {
    errno,
    code,
    syscall: 'connect',
    address: PRIVATE_HOST,
    port: 5432,
  });
}

export const mongodb = {
  duplicateKey: (code: 11000 | 11001 = 11000) =>
    named(
      'MongoServerError',
      `E${code} duplicate key error collection: test.users index: email_1 dup key: { email: "${PRIVATE_VALUE}" }`,
      {
        code,
        codeName: 'DuplicateKey',
        keyPattern: { email: 1 },
        keyValue: { email: PRIVATE_VALUE },
        errorLabelSet: new Set<string>(),
      },
    ),
  bulkDuplicateKey: () =>
    named(
      'MongoBulkWriteError',
      `E11000 duplicate key error dup key: { email: "${PRIVATE_VALUE}" }`,
      {
        code: 11000,
        writeErrors: [{ code: 11000, index: 0, errmsg: `dup key: { email: "${PRIVATE_VALUE}" }` }],
        result: { insertedCount: 0 },
      },
    ),
  network: () =>
    named('MongoNetworkError', `connect ECONNREFUSED ${PRIVATE_HOST}:27017`, {
      errorLabelSet: new Set(['ResetPool']),
    }),
  networkTimeout: () =>
    named('MongoNetworkTimeoutError', `connection timed out to ${PRIVATE_HOST}:27017`, {
      errorLabelSet: new Set<string>(),
    }),
  serverSelection: () =>
    named('MongoServerSelectionError', `connect ECONNREFUSED ${PRIVATE_HOST}:27017`, {
      reason: { type: 'Unknown', servers: new Map([[`${PRIVATE_HOST}:27017`, {}]]) },
    }),
};

const clientVersion = '7.1.0';

/** A `PrismaClientKnownRequestError`: `code`, `clientVersion`, `meta`, and Prisma's message. */
function known(code: string, message: string, meta?: Record<string, unknown>): Error {
  return named('PrismaClientKnownRequestError', message, {
    code,
    clientVersion,
    ...(meta === undefined ? {} : { meta }),
  });
}

/** `meta` of an error that came through a driver adapter (`@prisma/adapter-pg` and others). */
function adapterMeta(modelName: string, cause: Record<string, unknown>): Record<string, unknown> {
  return { modelName, driverAdapterError: { name: 'DriverAdapterError', cause } };
}

function invocation(call: string, text: string): string {
  return `\nInvalid \`prisma.${call}()\` invocation in\n/app/src/service.ts:42:7\n\n${text}`;
}

export const prisma = {
  uniqueClassic: () =>
    known('P2002', invocation('user.create', 'Unique constraint failed on the fields: (`email`)'), {
      modelName: 'User',
      target: ['email'],
    }),
  uniqueAdapter: () =>
    known(
      'P2002',
      invocation('user.create', 'Unique constraint failed on the constraint: `User_email_key`'),
      adapterMeta('User', {
        originalCode: '23505',
        originalMessage: 'duplicate key value violates unique constraint "User_email_key"',
        kind: 'UniqueConstraintViolation',
        constraint: { fields: ['"email"'] },
      }),
    ),
  foreignKeyCreateClassic: () =>
    known(
      'P2003',
      invocation(
        'post.create',
        'Foreign key constraint violated on the constraint: `Post_authorId_fkey`',
      ),
      { modelName: 'Post', field_name: 'authorId' },
    ),
  foreignKeyCreateAdapter: () =>
    known(
      'P2003',
      invocation(
        'post.create',
        'Foreign key constraint violated on the constraint: `Post_authorId_fkey`',
      ),
      adapterMeta('Post', {
        originalCode: '23503',
        originalMessage:
          'insert or update on table "Post" violates foreign key constraint "Post_authorId_fkey"',
        kind: 'ForeignKeyConstraintViolation',
        constraint: { foreignKey: {} },
      }),
    ),
  foreignKeyDeleteClassic: () =>
    known(
      'P2003',
      invocation(
        'user.delete',
        'Foreign key constraint violated on the constraint: `Post_authorId_fkey`',
      ),
      { modelName: 'User', field_name: 'Post_authorId_fkey (index)' },
    ),
  foreignKeyDeleteAdapter: () =>
    known(
      'P2003',
      invocation(
        'user.deleteMany',
        'Foreign key constraint violated on the constraint: `Post_authorId_fkey`',
      ),
      adapterMeta('User', {
        originalCode: '23503',
        originalMessage:
          'update or delete on table "User" violates foreign key constraint "Post_authorId_fkey" on table "Post"',
        kind: 'ForeignKeyConstraintViolation',
        constraint: { foreignKey: {} },
      }),
    ),
  foreignKeyDeleteMysqlAdapter: () =>
    known(
      'P2003',
      invocation(
        'user.update',
        'Foreign key constraint violated on the constraint: `Post_authorId_fkey`',
      ),
      adapterMeta('User', {
        originalCode: '1451',
        originalMessage: 'Cannot delete or update a parent row: a foreign key constraint fails',
        kind: 'ForeignKeyConstraintViolation',
        constraint: { index: 'Post_authorId_fkey' },
      }),
    ),
  nullClassic: () =>
    known('P2011', invocation('user.create', 'Null constraint violation on the fields: (`name`)'), {
      modelName: 'User',
      constraint: ['name'],
    }),
  nullAdapter: () =>
    known(
      'P2011',
      invocation('user.create', 'Null constraint violation on the fields: (`name`)'),
      adapterMeta('User', {
        originalCode: '23502',
        originalMessage:
          'null value in column "name" of relation "User" violates not-null constraint',
        kind: 'NullConstraintViolation',
        constraint: { fields: ['name'] },
      }),
    ),
  tooLong: () =>
    known(
      'P2000',
      invocation(
        'user.create',
        "The provided value for the column is too long for the column's type. Column: name",
      ),
      { modelName: 'User', column_name: 'name' },
    ),
  notFound: () =>
    known(
      'P2025',
      invocation(
        'user.update',
        'An operation failed because it depends on one or more records that were required but not found. Record to update not found.',
      ),
      { modelName: 'User', cause: 'Record to update not found.' },
    ),
  writeConflict: () =>
    known(
      'P2034',
      'Transaction failed due to a write conflict or a deadlock. Please retry your transaction',
    ),
  unreachable: () =>
    named(
      'PrismaClientInitializationError',
      `Can't reach database server at \`${PRIVATE_HOST}\`:\`5432\`\n\nPlease make sure your database server is running at \`${PRIVATE_HOST}\`:\`5432\`.`,
      { clientVersion, errorCode: 'P1001' },
    ),
  connectTimeout: () =>
    named(
      'PrismaClientInitializationError',
      `Can't reach database server at \`${PRIVATE_HOST}\`:\`5432\`: timed out`,
      { clientVersion, errorCode: 'P1002' },
    ),
  operationTimeout: () => known('P1008', 'Operations timed out after `10s`'),
  connectionClosed: () => known('P1017', 'Server has closed the connection.'),
  poolTimeout: () =>
    known(
      'P2024',
      'Timed out fetching a new connection from the connection pool. (Current connection pool timeout: 10, connection limit: 5)',
      { modelName: 'User', connection_limit: 5, timeout: 10 },
    ),
};
