/**
 * The walk down `cause`s: outermost first, bounded, each error once, and never thrown out of
 * by what it reads. The errors inside are real ones (better-sqlite3, in memory).
 */
import { databaseErrors } from '@faultline/db';
import { anyThrown, throwingTraps, withThrowingGetters } from '@faultline/test-support';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { MAX_CAUSE_DEPTH } from '../src/cause-chain';
import { thrownBy } from './helpers/rejection';

const mapper = databaseErrors();

function uniqueViolation(): Error {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  db.exec('INSERT INTO t VALUES (1)');
  return thrownBy(() => db.exec('INSERT INTO t VALUES (1)')) as Error;
}

function busy(): Error {
  return Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

/** `error` under `depth` wrappers of the application's. */
function wrapped(error: unknown, depth: number): unknown {
  let outer = error;
  for (let level = 0; level < depth; level++) outer = new Error(`level ${level}`, { cause: outer });
  return outer;
}

function statusOf(mapped: unknown): unknown {
  return (mapped as { status?: unknown } | undefined)?.status;
}

describe('the cause chain', () => {
  it(`finds a database error up to ${MAX_CAUSE_DEPTH} errors deep, and no deeper`, () => {
    expect(MAX_CAUSE_DEPTH).toBe(8);
    expect(statusOf(mapper(wrapped(uniqueViolation(), MAX_CAUSE_DEPTH - 1)))).toBe(409);
    expect(mapper(wrapped(uniqueViolation(), MAX_CAUSE_DEPTH))).toBeUndefined();
  });

  it('takes the outermost database error of the chain', () => {
    const outer = Object.assign(new Error('database is locked', { cause: uniqueViolation() }), {
      code: 'SQLITE_BUSY',
    });
    expect(statusOf(mapper(outer))).toBe(503);
  });

  it('ends at a cycle, and at an error whose cause is itself', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(mapper(a)).toBeUndefined();
    const self = new Error('self');
    Object.assign(self, { cause: self });
    expect(mapper(self)).toBeUndefined();
    const cycleAroundBusy = new Error('around', { cause: busy() });
    Object.assign(cycleAroundBusy.cause as Error, { cause: cycleAroundBusy });
    expect(statusOf(mapper(cycleAroundBusy))).toBe(503);
  });

  it('the problem keeps what was thrown as its cause, for the log', () => {
    const thrown = wrapped(uniqueViolation(), 2);
    expect((mapper(thrown) as { cause?: unknown }).cause).toBe(thrown);
  });

  it("a network error below an application's wrapper may be any server's: passed on", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
    });
    expect(statusOf(mapper(refused))).toBe(503);
    expect(
      mapper(new Error('could not reach the billing service', { cause: refused })),
    ).toBeUndefined();
    // Without the syscall that failed, a code alone is an HTTP client's (axios copies it).
    expect(
      mapper(Object.assign(new Error('request failed'), { code: 'ECONNREFUSED' })),
    ).toBeUndefined();
  });
});

describe('hostile values', () => {
  it('a cause behind a getter that throws, or a Proxy whose every trap throws, reads as none', () => {
    const behindGetter = withThrowingGetters(uniqueViolation(), ['cause']);
    expect(statusOf(mapper(behindGetter))).toBe(409);
    const proxy = new Proxy({}, throwingTraps);
    expect(mapper(proxy)).toBeUndefined();
    expect(statusOf(mapper(new Error('outer', { cause: proxy })))).toBeUndefined();
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(mapper(revocable.proxy)).toBeUndefined();
    const prismaWithRevokedMeta = Object.assign(new Error('x'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2002',
      clientVersion: '7.1.0',
      meta: {
        target: revocable.proxy,
        driverAdapterError: { cause: { constraint: { fields: revocable.proxy } } },
      },
    });
    expect(statusOf(mapper(prismaWithRevokedMeta))).toBe(409);
    const mongoWithHostilePattern = Object.assign(new Error('dup'), {
      name: 'MongoServerError',
      code: 11000,
      keyPattern: new Proxy({}, throwingTraps),
    });
    expect(statusOf(mapper(mongoWithHostilePattern))).toBe(409);
  });

  it('never throws, whatever is thrown (the hostile values of every adapter test)', () => {
    fc.assert(
      fc.property(anyThrown, (thrown) => {
        const value = thrown.make();
        const mapped = mapper(value);
        expect(mapped === undefined || typeof statusOf(mapped) === 'number').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
