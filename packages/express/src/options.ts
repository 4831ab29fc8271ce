import { type CommonOptions, createProblemFlow, type ProblemFlow } from '@faultline/core/adapter';
import type { Request } from 'express';
import { classifyExpressError } from './classify.js';
import { assertLogger, type ProblemLogger } from './logger.js';
import { loadTraceApi } from './opentelemetry.js';
import { where } from './validate.js';

/** Options of `problemHandlers()` and `problemClientErrors()`. */
export interface ProblemHandlerOptions extends CommonOptions<Request> {
  /**
   * Where failures are logged: 5xx at `logLevel5xx` (with the original error, its stack and
   * cause), 4xx at `logLevel4xx`. Any pino-compatible logger. Default: the request's own logger
   * when it has one (pino-http's `req.log`), else 5xx written to stderr.
   */
  readonly logger?: ProblemLogger;
}

/** Everything a request needs, resolved once at start-up. */
export interface ResolvedOptions {
  readonly flow: ProblemFlow<Request>;
  readonly logger: ProblemLogger | undefined;
}

/** The target Express saw before any mount stripped a prefix. */
function describe(req: Request): { method: string; target: string } {
  return { method: req.method, target: req.originalUrl ?? req.url ?? '/' };
}

/** A request header, several values joined as Node joins most headers. */
function headerOf(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Checks and resolves the options once; every mistake throws a `TypeError` naming the option. */
export function resolveOptions(options: ProblemHandlerOptions | undefined): ResolvedOptions {
  const flow = createProblemFlow<Request, Request>(options, {
    where,
    optionNames: ['logger'],
    classify: classifyExpressError,
    describe,
    requestOf: (req) => req,
    headerOf,
    inputsOf: (req) => [req.body, req.query],
    loadTraceApi,
  });
  const logger = options?.logger;
  if (logger !== undefined) assertLogger(logger, where);
  return { flow, logger };
}
