import type { FastifyReply, FastifyRequest } from 'fastify';
import { createProblemResponder } from './error-handler.js';
import { type FaultlineOptions, resolveOptions } from './options.js';

/**
 * A handler for Fastify's `frameworkErrors` server option, the only place that sees the errors
 * raised before routing: `FST_ERR_BAD_URL` (400 `VALIDATION_ERROR`), `FST_ERR_MAX_PARAM_LENGTH`
 * (414, Fastify 5) and `FST_ERR_ASYNC_CONSTRAINT` (500). Pass the options given to the plugin.
 *
 * @example
 * const options = { instance: true };
 * const app = Fastify({ frameworkErrors: problemFrameworkErrors(options) });
 * await app.register(faultline, options);
 */
export function problemFrameworkErrors(
  options?: FaultlineOptions,
): (error: Error, request: FastifyRequest, reply: FastifyReply) => void {
  const respond = createProblemResponder(resolveOptions(options).flow);
  return function problemFrameworkError(error, request, reply) {
    respond(error, request, reply);
  };
}
