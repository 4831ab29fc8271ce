import {
  createNormaliser,
  defaultRegistry,
  type NormaliseOptions,
  type Normaliser,
} from '@faultline/core';
import type { Request } from 'express';
import { classifyExpressError } from './classify.js';
import { assertLogger, type ProblemLogger, stderrLogger } from './logger.js';
import { requestInstance } from './request-path.js';
import { fallbackPayload } from './send.js';
import { assertKnownKeys, where } from './validate.js';

/** Options of `problemHandlers()` and `problemClientErrors()`. */
export interface ProblemHandlerOptions extends NormaliseOptions {
  /**
   * Where 5xx are logged (with the original error, its stack and cause) at `error`; 4xx go to
   * `debug` and aborted requests to `info` when the logger has them. Any pino-compatible logger.
   * Default: 5xx written to stderr.
   */
  readonly logger?: ProblemLogger;
  /**
   * The `instance` member when the error names none: `true` for the request's path (without the
   * query), or a function of the request. Default: no `instance`.
   */
  readonly instance?: boolean | ((req: Request) => string | undefined);
}

/** Everything a request needs, resolved once at start-up. */
export interface ResolvedOptions {
  readonly normalise: Normaliser;
  readonly logger: ProblemLogger;
  readonly instanceOf: ((req: Request) => string | undefined) | undefined;
  /** The static 500 body written when building the real answer fails. */
  readonly fallback: string;
  /**
   * Whether a problem the handlers raise themselves (a 404, a 405) always gets the same answer:
   * no mappers that might rewrite it, no `instance`, no `stack`. Such answers are built once.
   */
  readonly fixedAnswers: boolean;
}

const optionNames = [
  'registry',
  'mappers',
  'retryAfter',
  'challenge',
  'maxDetailLength',
  'exposeStack',
  'logger',
  'instance',
] as const;

function assertRegistry(registry: unknown): void {
  const valid =
    typeof registry === 'object' &&
    registry !== null &&
    ['has', 'byCode', 'byStatus'].every(
      (method) => typeof (registry as Record<string, unknown>)[method] === 'function',
    );
  if (!valid) {
    throw new TypeError(
      `${where}: option registry must be a registry from defineProblems() (or defaultRegistry)`,
    );
  }
}

function instanceResolver(
  instance: ProblemHandlerOptions['instance'],
): ResolvedOptions['instanceOf'] {
  if (instance === undefined || instance === false) return undefined;
  if (instance === true) return requestInstance;
  if (typeof instance !== 'function') {
    throw new TypeError(
      `${where}: option instance must be a boolean or a function (req) => string | undefined, got ${typeof instance}`,
    );
  }
  return (req) => {
    try {
      const value = instance(req);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * Checks and resolves the options once. The core's normaliser gets the application's mappers
 * first and this package's Express classifier last, so an application's own mapping always wins.
 */
export function resolveOptions(
  options: ProblemHandlerOptions,
  factory: string,
  known: readonly string[] = optionNames,
): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: ${factory} options must be an object`);
  }
  assertKnownKeys(options, known, factory);
  if (options.registry !== undefined) assertRegistry(options.registry);
  if (options.logger !== undefined) assertLogger(options.logger, where);
  if (options.exposeStack !== undefined && typeof options.exposeStack !== 'boolean') {
    throw new TypeError(
      `${where}: option exposeStack must be a boolean, got ${String(options.exposeStack)}`,
    );
  }
  if (options.mappers !== undefined && !Array.isArray(options.mappers)) {
    throw new TypeError(`${where}: option mappers must be an array of functions`);
  }
  const { logger, instance, ...normaliseOptions } = options;
  let normalise: Normaliser;
  try {
    normalise = createNormaliser({
      ...normaliseOptions,
      mappers: [...(options.mappers ?? []), classifyExpressError],
    });
  } catch (error) {
    // The core checks its own options; say which package and option the user got wrong.
    const message = error instanceof Error ? error.message : String(error);
    throw new TypeError(`${where}: option ${message.replace(/^@faultline\/core: /, '')}`);
  }
  return {
    normalise,
    logger: logger ?? stderrLogger,
    instanceOf: instanceResolver(instance),
    fallback: fallbackPayload(options.registry ?? defaultRegistry),
    fixedAnswers:
      (options.mappers ?? []).length === 0 &&
      options.exposeStack !== true &&
      (instance === undefined || instance === false),
  };
}
