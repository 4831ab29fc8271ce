import { DEFAULT_PROBLEM_TYPE_BASE } from './problems.js';

/** The log levels both apps accept (pino's). */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** What `buildApp` takes: everything has a default, so tests pass only what they change. */
export interface DatasetsAppOptions {
  /** The SQLite file; `:memory:` (the default) keeps nothing. */
  readonly databasePath?: string;
  /** Requests per window, per credential. Default 100. */
  readonly rateLimitMax?: number;
  /** The rate-limit window in seconds. Default 60. */
  readonly rateLimitWindowS?: number;
  /** The base of every problem `type`. Default `PROBLEM_TYPE_BASE` or the API's documentation. */
  readonly problemTypeBase?: string;
  /** Default `info`. */
  readonly logLevel?: LogLevel;
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
  return {
    databasePath,
    rateLimitMax: positiveInteger('rateLimitMax', options.rateLimitMax ?? 100),
    rateLimitWindowS: positiveInteger('rateLimitWindowS', options.rateLimitWindowS ?? 60),
    problemTypeBase:
      options.problemTypeBase ?? process.env.PROBLEM_TYPE_BASE ?? DEFAULT_PROBLEM_TYPE_BASE,
    logLevel,
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
 * The server's configuration from the environment: `HOST`, `PORT`, `DATABASE_PATH`,
 * `RATE_LIMIT_MAX`, `RATE_LIMIT_WINDOW_S`, `PROBLEM_TYPE_BASE`, `LOG_LEVEL`.
 *
 * @example readConfig(process.env, { port: 3000 }).host // '127.0.0.1' unless HOST is set
 */
export function readConfig(env: NodeJS.ProcessEnv, defaults: { port: number }): DatasetsConfig {
  const port = integerFrom(env, 'PORT') ?? defaults.port;
  if (port > 65535) throw new TypeError(`${where}: PORT must be at most 65535, got ${port}`);
  const options: DatasetsAppOptions = {
    ...(env.DATABASE_PATH ? { databasePath: env.DATABASE_PATH } : {}),
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
