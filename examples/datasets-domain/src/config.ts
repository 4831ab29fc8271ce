import { databaseKind } from './open-dataset-store.js';
import { DEFAULT_PROBLEM_TYPE_BASE } from './problems.js';

/** The log levels both apps accept (pino's). */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** What `buildApp` takes: everything has a default, so tests pass only what they change. */
export interface DatasetsAppOptions {
  /** The SQLite file; `:memory:` (the default) keeps nothing. Unused with `databaseUrl`. */
  readonly databasePath?: string;
  /** A PostgreSQL (`postgres://…`) or MariaDB/MySQL (`mysql://…`) server instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  /** The datasets table's name. Default `datasets`. */
  readonly databaseTable?: string;
  /** Requests per window, per credential. Default 100. */
  readonly rateLimitMax?: number;
  /** The rate-limit window in seconds. Default 60. */
  readonly rateLimitWindowS?: number;
  /** A Redis (`redis://…`) that keeps the rate limit's counters, shared by every instance. */
  readonly redisUrl?: string | undefined;
  /** The prefix of the rate limit's keys in Redis. Default `datasets:rate-limit:`. */
  readonly rateLimitPrefix?: string;
  /** The base of every problem `type`. Default `PROBLEM_TYPE_BASE` or the API's documentation. */
  readonly problemTypeBase?: string;
  /** Default `info`. */
  readonly logLevel?: LogLevel;
  /** Where log lines go. Default standard output. */
  readonly logStream?: { write(line: string): void } | undefined;
}

/** `DatasetsAppOptions` with every default filled in and every value checked. */
export type ResolvedAppOptions = Required<DatasetsAppOptions>;

/** How to run a server: where to listen, and the app's options. */
export interface DatasetsConfig extends ResolvedAppOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

const where = '@faultline-examples/datasets-domain';

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(
      `${where}: option ${name} must be a positive integer, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Fills in the defaults and checks every option once, at start-up.
 *
 * @example resolveAppOptions({ rateLimitMax: 3 }).rateLimitWindowS // 60
 */
export function resolveAppOptions(options: DatasetsAppOptions = {}): ResolvedAppOptions {
  const logLevel = options.logLevel ?? 'info';
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    throw new TypeError(
      `${where}: option logLevel must be one of ${logLevels.join(', ')}, got ${JSON.stringify(logLevel)}`,
    );
  }
  const databasePath = options.databasePath ?? ':memory:';
  if (typeof databasePath !== 'string' || databasePath === '') {
    throw new TypeError(`${where}: option databasePath must be a file path or ':memory:'`);
  }
  const databaseUrl = options.databaseUrl;
  if (databaseUrl !== undefined && databaseKind(databaseUrl) === undefined) {
    throw new TypeError(
      `${where}: option databaseUrl must start with postgres://, postgresql://, mysql:// or mariadb://`,
    );
  }
  const redisUrl = options.redisUrl;
  if (redisUrl !== undefined && !/^rediss?:\/\//i.test(redisUrl)) {
    throw new TypeError(`${where}: option redisUrl must start with redis:// or rediss://`);
  }
  const rateLimitPrefix = options.rateLimitPrefix ?? 'datasets:rate-limit:';
  if (typeof rateLimitPrefix !== 'string' || rateLimitPrefix === '') {
    throw new TypeError(`${where}: option rateLimitPrefix must be a non-empty string`);
  }
  const databaseTable = options.databaseTable ?? 'datasets';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseTable)) {
    throw new TypeError(
      `${where}: option databaseTable must be a lower-case SQL identifier (a-z, 0-9, _), got ${JSON.stringify(databaseTable)}`,
    );
  }
  return {
    databasePath,
    databaseUrl,
    databaseTable,
    rateLimitMax: positiveInteger('rateLimitMax', options.rateLimitMax ?? 100),
    rateLimitWindowS: positiveInteger('rateLimitWindowS', options.rateLimitWindowS ?? 60),
    redisUrl,
    rateLimitPrefix,
    problemTypeBase:
      options.problemTypeBase ?? process.env.PROBLEM_TYPE_BASE ?? DEFAULT_PROBLEM_TYPE_BASE,
    logLevel,
    logStream: options.logStream,
  };
}

function integerFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) {
    throw new TypeError(`${where}: ${name} must be a whole number, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

/**
 * The server's configuration from the environment: `HOST`, `PORT`, `DATABASE_URL`, `DATABASE_PATH`,
 * `DATABASE_TABLE`, `REDIS_URL`, `RATE_LIMIT_PREFIX`,
 * `RATE_LIMIT_MAX`, `RATE_LIMIT_WINDOW_S`, `PROBLEM_TYPE_BASE`, `LOG_LEVEL`.
 *
 * @example readConfig(process.env, { port: 3000 }).host // '127.0.0.1' unless HOST is set
 */
export function readConfig(env: NodeJS.ProcessEnv, defaults: { port: number }): DatasetsConfig {
  const port = integerFrom(env, 'PORT') ?? defaults.port;
  if (port > 65535) throw new TypeError(`${where}: PORT must be at most 65535, got ${port}`);
  const options: DatasetsAppOptions = {
    ...(env.DATABASE_PATH ? { databasePath: env.DATABASE_PATH } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_TABLE ? { databaseTable: env.DATABASE_TABLE } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.RATE_LIMIT_PREFIX ? { rateLimitPrefix: env.RATE_LIMIT_PREFIX } : {}),
    ...optional('rateLimitMax', integerFrom(env, 'RATE_LIMIT_MAX')),
    ...optional('rateLimitWindowS', integerFrom(env, 'RATE_LIMIT_WINDOW_S')),
    ...(env.PROBLEM_TYPE_BASE ? { problemTypeBase: env.PROBLEM_TYPE_BASE } : {}),
    ...(env.LOG_LEVEL ? { logLevel: env.LOG_LEVEL as LogLevel } : {}),
  };
  return { host: env.HOST || '127.0.0.1', port, ...resolveAppOptions(options) };
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}
