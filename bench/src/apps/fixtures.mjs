import { Ajv } from 'ajv';
import { pino } from 'pino';

/** What every success route answers with: a small list, as a typical API read would. */
export const ITEMS = [
  { id: 1, name: 'anvil', price: 42.5, tags: ['steel', 'heavy'] },
  { id: 2, name: 'rope', price: 7.25, tags: ['hemp'] },
  { id: 3, name: 'lantern', price: 19, tags: [] },
];

/** The body schema of `POST /items`, shared by Fastify's validator and Express's Ajv. */
export const itemSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    price: { type: 'number', minimum: 0 },
  },
};

/** Express has no schema validation of its own: every Express contender uses this compiled one. */
export const validateItem = new Ajv().compile(itemSchema);

/** The message of the unexpected error behind the 500 scenario. */
export const UNEXPECTED_MESSAGE = 'database connection lost';

/** The level every contender logs at: `warn` unless the harness passes `--log-level`. */
export const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';

/**
 * A pino logger whose destination drops every line: serialising a log record is measured,
 * writing it is not.
 *
 * @example const app = Fastify({ loggerInstance: nullLogger() });
 */
export function nullLogger() {
  return pino({ level: LOG_LEVEL }, { write() {} });
}

/**
 * Fastify's options shared by every Fastify contender: the null logger, and Fastify's own
 * request logging left on, as in production. At `warn` its per-request lines are disabled levels
 * and cost next to nothing; its default error handler still logs each 5xx at `error`.
 */
export function fastifyOptions() {
  return { loggerInstance: nullLogger() };
}

/** The detail of the thrown 404. */
export function itemNotFoundDetail(id) {
  return `Item '${id}' was not found.`;
}
