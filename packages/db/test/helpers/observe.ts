import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNormaliser } from '@faultline/core';
import { databaseErrors } from '@faultline/db';
import type { Observed } from '../../../../scripts/readme-tables';

export const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

const normalise = createNormaliser({ mappers: [databaseErrors()] });

/** What an adapter would answer for `error`, with `databaseErrors()` as its one mapper. */
export function observe(error: unknown): Observed & { readonly body: Record<string, unknown> } {
  const { status, headers, body } = normalise(error);
  return {
    status,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    body: body as unknown as Record<string, unknown>,
  };
}

/** Text that must never reach a client, whatever the error. */
export const PRIVATE_TEXTS = [
  'taken-7f3a9c',
  'db-7f3a9c',
  '127.0.0.1',
  'localhost',
  'faultline_db',
  'faultline-db.invalid',
  '5432',
  '3306',
  '_key',
  '_fkey',
  'INSERT',
  'UPDATE',
  'SELECT',
  'DELETE',
];

/** Everything a client would see of an answer, as one string. */
export function sent(observed: Observed): string {
  return JSON.stringify({ headers: observed.headers, body: observed.body });
}
