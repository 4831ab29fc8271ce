/**
 * The database servers the tests use, and what happens when one cannot be reached: with
 * `FAULTLINE_REQUIRE_SERVICES=1` (CI) the suite fails; otherwise it is skipped, saying once which
 * server is missing and why. Reachability is asked once per test file, synchronously, so that
 * Jest can skip (not pass) the tests: a child process connects with the driver's own connect and
 * a generous timeout.
 */
import { execFileSync } from 'node:child_process';

export interface PostgresTarget {
  readonly host: '127.0.0.1';
  readonly port: 5432;
  readonly user: string;
  readonly database: 'test';
}

export interface MariadbTarget {
  readonly host: '127.0.0.1';
  readonly port: 3306;
  readonly user: 'root';
  readonly database: 'test';
}

type Probe<Target> =
  | { readonly reachable: true; readonly target: Target }
  | { readonly reachable: false; readonly reason: string };

const required = process.env.FAULTLINE_REQUIRE_SERVICES === '1';

function runProbe(
  script: string,
  driver: string,
): { ok: true; user: string } | { ok: false; reason: string } {
  try {
    const output = execFileSync(process.execPath, ['-e', script, require.resolve(driver)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    return JSON.parse(output) as { ok: true; user: string } | { ok: false; reason: string };
  } catch (error) {
    return { ok: false, reason: `the probe itself failed: ${(error as Error).message}` };
  }
}

const postgresProbe = `
const { Client } = require(process.argv[1]);
(async () => {
  const reasons = [];
  for (const user of ['postgres', 'root']) {
    const client = new Client({ host: '127.0.0.1', port: 5432, user, database: 'test', connectionTimeoutMillis: 20000 });
    try {
      await client.connect();
      await client.end();
      process.stdout.write(JSON.stringify({ ok: true, user }));
      return;
    } catch (error) {
      reasons.push(user + ': ' + (error.code ? error.code + ' ' : '') + error.message);
    }
  }
  process.stdout.write(JSON.stringify({ ok: false, reason: reasons.join('; ') }));
})();
`;

const mariadbProbe = `
const mysql = require(process.argv[1]);
(async () => {
  try {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: 'test', connectTimeout: 20000 });
    await connection.end();
    process.stdout.write(JSON.stringify({ ok: true, user: 'root' }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, reason: (error.code ? error.code + ' ' : '') + error.message }));
  }
})();
`;

function probePostgres(): Probe<PostgresTarget> {
  const result = runProbe(postgresProbe, 'pg');
  return result.ok
    ? {
        reachable: true,
        target: { host: '127.0.0.1', port: 5432, user: result.user, database: 'test' },
      }
    : { reachable: false, reason: result.reason };
}

function probeMariadb(): Probe<MariadbTarget> {
  const result = runProbe(mariadbProbe, 'mysql2/promise');
  return result.ok
    ? { reachable: true, target: { host: '127.0.0.1', port: 3306, user: 'root', database: 'test' } }
    : { reachable: false, reason: result.reason };
}

/**
 * Registers `body` as a `describe` when the server answers; otherwise one failing test (under
 * `FAULTLINE_REQUIRE_SERVICES=1`) or a skipped `describe` and one line on stderr.
 */
function describeWith<Target>(
  server: string,
  probe: () => Probe<Target>,
  fallback: Target,
  title: string,
  body: (target: Target) => void,
): void {
  const found = probe();
  if (found.reachable) {
    describe(title, () => body(found.target));
    return;
  }
  const why = `${server} is unreachable (${found.reason})`;
  if (required) {
    describe(title, () => {
      it(`needs ${server}, which FAULTLINE_REQUIRE_SERVICES=1 makes required`, () => {
        throw new Error(why);
      });
    });
    return;
  }
  process.stderr.write(`@faultline/db: skipping "${title}": ${why}\n`);
  // The real tests, registered as skipped: the count Jest reports stays true.
  describe.skip(title, () => body(fallback));
}

/** `describe` against PostgreSQL at 127.0.0.1:5432, database `test`. */
export function describeWithPostgres(title: string, body: (target: PostgresTarget) => void): void {
  describeWith(
    'PostgreSQL at 127.0.0.1:5432',
    probePostgres,
    { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' },
    title,
    body,
  );
}

/** `describe` against MariaDB at 127.0.0.1:3306, database `test`. */
export function describeWithMariadb(title: string, body: (target: MariadbTarget) => void): void {
  describeWith(
    'MariaDB at 127.0.0.1:3306',
    probeMariadb,
    { host: '127.0.0.1', port: 3306, user: 'root', database: 'test' },
    title,
    body,
  );
}

/** A name no other run (or concurrent test file) uses: `prefix_<pid>_<random>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}
