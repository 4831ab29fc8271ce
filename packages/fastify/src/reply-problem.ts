import type { ProblemErrorOptions, RegisteredCode, Registry } from '@faultline/core';
import { problemClassFor } from '@faultline/core/adapter';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ProblemResponder } from './error-handler.js';

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Answers with the problem of `code`, without throwing: the same answer, headers and log
     * record a thrown `ProblemError` of that code gets, at a fraction of the cost. Set by
     * `@faultline/fastify`; codes are typed by augmenting `Register` from `@faultline/core`.
     *
     * @example return reply.problem('RESOURCE_NOT_FOUND', { detail: `Dataset '${id}' was not found.` });
     */
    problem(code: RegisteredCode, options?: ProblemErrorOptions): FastifyReply;
  }
}

const where = '@faultline/fastify';

/** Decorates every reply with `problem()`, answering through the plugin's own responder. */
export function decorateReplyProblem(
  fastify: FastifyInstance,
  registry: Registry | undefined,
  respond: ProblemResponder,
): void {
  if (fastify.hasReplyDecorator('problem')) {
    throw new Error(
      `${where}: another plugin already decorates the reply with problem(); faultline needs that name`,
    );
  }
  const Problem = problemClassFor(registry);
  fastify.decorateReply(
    'problem',
    function problem(
      this: FastifyReply,
      code: RegisteredCode,
      options?: ProblemErrorOptions,
    ): FastifyReply {
      let error: unknown;
      try {
        // Constructed without capturing a stack unless the class's policy says so: nothing is thrown.
        error = new Problem(code as ConstructorParameters<typeof Problem>[0], options);
      } catch (failure) {
        // An unknown code or a bad option is the application's bug: answered as one, and logged.
        error = failure;
      }
      respond(error, this.request, this);
      return this;
    },
  );
}
