/**
 * What the README says beyond its table: the direction of a PostgreSQL foreign-key failure in
 * another language, and Node's AggregateError for a host whose every address refused.
 */
import { once } from 'node:events';
import net from 'node:net';
import { databaseErrors } from '@faultline/db';
import { closedPort } from './helpers/closed-port';
import { postgresError } from './helpers/fixtures';
import { observe } from './helpers/observe';

const mapper = databaseErrors();

it('a 23503 in another language (lc_messages) does not say which way it failed: the SQLite answer', () => {
  // PostgreSQL's German catalogue; this server has no other locale to produce it with.
  const german = postgresError(
    '23503',
    'Einfügen oder Aktualisieren in Tabelle »child« verletzt Fremdschlüssel-Constraint »child_parent_id_fkey«',
    'FEHLER',
  );
  expect(observe(german).body).toEqual({
    status: 409,
    title: 'Conflict',
    type: 'about:blank',
    detail:
      'A reference between resources does not hold: a referenced resource does not exist, or others still refer to this one.',
    error_code: 'RESOURCE_ALREADY_EXISTS',
  });
});

it("Node's AggregateError, when every address of a host refused, is a database that cannot be reached", async () => {
  const port = await closedPort();
  const socket = net.connect({
    host: 'db.example',
    port,
    autoSelectFamily: true,
    // Two addresses, as a host with an IPv4 and an IPv6 record has; both refuse.
    lookup: (_host, _options, callback) =>
      (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ]),
  });
  const [error] = (await once(socket, 'error').catch((failure: unknown) => [failure])) as [unknown];
  expect(error).toMatchObject({ name: 'AggregateError', code: 'ECONNREFUSED' });
  expect(error).not.toHaveProperty('syscall');
  expect(observe(error)).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
  expect(mapper(new Error('wrapped by an HTTP client', { cause: error }))).toBeUndefined();
});
