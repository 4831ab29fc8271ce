import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  RouteOptions,
} from 'fastify';
import { createProblemResponder } from './error-handler.js';
import { installJsonParser, isBodyError } from './json-parser.js';
import { createMethodProbe, createNotFoundHandler } from './not-found.js';
import { type FaultlineOptions, resolveOptions } from './options.js';
import { decorateReplyProblem } from './reply-problem.js';
import { rootPlugin } from './root-plugin.js';

/** What the plugin exposes as `app.faultline`, to compose with handlers of your own. */
export interface FaultlineDecorator {
  /**
   * The error handler the plugin installed: call it from a handler of your own to answer with a
   * problem.
   */
  readonly errorHandler: (error: unknown, request: FastifyRequest, reply: FastifyReply) => void;
  /** The 404 / 405 / `OPTIONS` handler; install it yourself when `notFound` is `false`. */
  readonly notFoundHandler: (request: FastifyRequest, reply: FastifyReply) => void;
  /** The methods Fastify serves at the request's URL, other than the request's own, sorted. */
  readonly allowedMethods: (request: FastifyRequest) => string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by `@faultline/fastify`. */
    readonly faultline: FaultlineDecorator;
  }
}

const where = '@faultline/fastify';

async function faultlinePlugin(fastify: FastifyInstance, options: FaultlineOptions): Promise<void> {
  if (fastify.hasDecorator('faultline')) {
    throw new Error(`${where}: the plugin is registered twice; register it once, at the root`);
  }
  // What Fastify's `register` itself takes is for Fastify, not for this plugin.
  const { prefix, logLevel, logSerializers, ...own } = (options ?? {}) as FaultlineOptions &
    Record<'prefix' | 'logLevel' | 'logSerializers', unknown>;
  const resolved = resolveOptions(own);
  const respond = createProblemResponder(resolved.flow);
  const probe = createMethodProbe(fastify);
  const notFoundHandler = createNotFoundHandler(probe, resolved.flow, resolved.answerOptions);

  fastify.addHook('onRoute', (route: RouteOptions) => probe.add(route.method));
  fastify.setErrorHandler(function faultlineErrorHandler(error, request, reply) {
    // Fastify reads a body before its not-found handler runs: a body refused on a path no route
    // serves gets the 404 or 405 instead, as routing decides first on Express too.
    let unmatched = false;
    try {
      unmatched = request.is404 && resolved.notFound && isBodyError(error);
    } catch {
      // A hostile value: answered below like any other.
    }
    if (unmatched) notFoundHandler(request, reply);
    else respond(error, request, reply);
  });
  if (resolved.notFound) {
    try {
      fastify.setNotFoundHandler(notFoundHandler);
    } catch (error) {
      throw new Error(
        `${where}: the app already has a not-found handler; register the plugin with { notFound: false } and call app.faultline.notFoundHandler from your own`,
        { cause: error },
      );
    }
  }
  if (resolved.json !== undefined) installJsonParser(fastify, resolved.json);
  decorateReplyProblem(fastify, own.registry, respond);

  const decorator: FaultlineDecorator = {
    errorHandler: respond,
    notFoundHandler,
    allowedMethods: (request) => probe.allowed(request),
  };
  fastify.decorate('faultline', decorator);
}

/**
 * Answers every failure of a Fastify 4 or 5 app as an RFC 9457 problem
 * (`application/problem+json`): thrown errors and non-errors, Fastify's own `FST_ERR_*` errors,
 * schema validation, unmatched paths (404) and methods (405 with `Allow`), JSON bodies that do
 * not parse (with the position) or are not JSON at all (415). Not encapsulated (as with
 * fastify-plugin), so one registration covers the whole app, encapsulated plugins included.
 *
 * @example
 * import Fastify from 'fastify';
 * import { ProblemError } from '@faultline/core';
 * import { faultline } from '@faultline/fastify';
 *
 * const app = Fastify({ logger: true });
 * app.register(faultline, { instance: true });
 * app.get('/datasets/:id', async () => {
 *   throw new ProblemError('RESOURCE_NOT_FOUND', { detail: 'Dataset was not found.' });
 * });
 */
export const faultline: FastifyPluginAsync<FaultlineOptions> = rootPlugin(faultlinePlugin, {
  name: '@faultline/fastify',
  fastify: '4.x || 5.x',
});
