import type { Registry } from '@faultline/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  appendVary,
  type ProblemDocsOptions,
  problemDocumentation,
} from './problem-documentation.js';

export type { ProblemDocsOptions } from './problem-documentation.js';

/** The options of the `problemDocs` plugin: the registry, and how its page is served. */
export interface ProblemDocsPluginOptions extends ProblemDocsOptions {
  /** The registry of `defineProblems()`: its page is served at the path of its type base. */
  readonly registry: Registry;
}

const where = '@faultline/openapi';

/** The page's path as a route of Fastify's router, where `:` starts a parameter and `*` a wildcard. */
function routeUrl(path: string): string {
  if (path.includes('*')) {
    throw new TypeError(
      `${where}: the page's path ${path} has a "*", which Fastify reads as a wildcard; give problemDocs a path without one`,
    );
  }
  return path.replaceAll(':', '::');
}

async function problemDocsPlugin(
  fastify: FastifyInstance,
  options: ProblemDocsPluginOptions,
): Promise<void> {
  // What Fastify's `register` itself takes is for Fastify, not for this plugin.
  const { registry, prefix, logLevel, logSerializers, ...own } = (options ?? {}) as Partial<
    ProblemDocsPluginOptions & Record<'prefix' | 'logLevel' | 'logSerializers', unknown>
  >;
  const docs = problemDocumentation(registry as Registry, own);
  if (fastify.prefix !== '') {
    throw new TypeError(
      `${where}: problemDocs serves the page at ${docs.path}, the path its type URIs point to; register it without a prefix (it is under "${fastify.prefix}")`,
    );
  }
  fastify.route({
    method: [...docs.methods],
    url: routeUrl(docs.path),
    // HEAD is served by the route itself, with the GET's headers and Content-Length.
    exposeHeadRoute: false,
    handler(request: FastifyRequest, reply: FastifyReply) {
      const answer = docs.respond({ method: request.method, headers: request.headers });
      // The route takes GET and HEAD only, which always get an answer.
      if (answer === undefined) return reply.callNotFound();
      reply.code(answer.status);
      for (const [name, value] of Object.entries(answer.headers)) {
        reply.header(name, name === 'Vary' ? appendVary(reply.getHeader('vary'), value) : value);
      }
      return reply.send(answer.body);
    },
  });
}

/**
 * A Fastify 4 or 5 plugin that serves the registry's error page at the path of its type base, so
 * every `type` URI an answer carries dereferences to its section: `GET` and `HEAD`, negotiated on
 * `Accept` (the HTML page with its Content-Security-Policy, the JSON catalogue or the Markdown),
 * with a strong `ETag` and `304`. Everything is rendered at registration, once. Other methods at
 * that path reach `@faultline/fastify`'s not-found handler: 405 with `Allow: GET, HEAD`. Bad
 * options make the registration fail with a `TypeError` saying what to fix.
 *
 * @example
 * await app.register(faultline, { registry });
 * await app.register(problemDocs, { registry, title: 'Datasets API errors' });
 */
export const problemDocs: FastifyPluginAsync<ProblemDocsPluginOptions> = problemDocsPlugin;
