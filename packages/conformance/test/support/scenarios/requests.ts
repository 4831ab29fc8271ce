import type { RequestSpec } from '../scenario';

/** `GET /subject`: reaches the scenario's hook and handler. */
export const getSubject: RequestSpec = { method: 'GET', path: '/subject' };

export const textPlain = { 'Content-Type': 'text/plain' } as const;
export const json = { 'Content-Type': 'application/json' } as const;

/** JSON that breaks at position 8 (`}` where a value should be). */
export const malformedJson = '{"name":}';

/** What every 500 that did not choose its own detail says. */
export const UNEXPECTED = 'An unexpected error occurred.';
