import {
  applyProblemHeaders,
  type HeaderWriter,
  type Outcome,
  type PreparedAnswer,
  type ProblemFlow,
  writeLog,
} from '@faultline/core/adapter';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendAsIs } from './serializer.js';

/** Answers any thrown value with a problem response. Never throws. */
export type ProblemResponder = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) => void;

/** Fastify's reply as core's header policy sees it. */
function writerOf(reply: FastifyReply): HeaderWriter {
  return {
    names: () => Object.keys(reply.getHeaders()),
    get: (name) => {
      const value = reply.getHeader(name);
      return Array.isArray(value)
        ? value.join(', ')
        : value === undefined
          ? undefined
          : String(value);
    },
    remove: (name) => {
      reply.removeHeader(name);
      // A header set on the raw response (by code that bypassed the reply) lives there.
      if (reply.raw.hasHeader(name)) reply.raw.removeHeader(name);
    },
    set: (name, value) => {
      reply.header(name, value);
    },
    // Fastify's reply.header adds to a Set-Cookie already there.
    append: (name, value) => {
      reply.header(name, value);
    },
  };
}

/** Makes an outcome's log calls through the request's own logger (bound to its id). */
export function logOutcome(request: FastifyRequest, outcome: Outcome): void {
  for (const entry of outcome.logs) writeLog(request.log, entry);
}

function write(request: FastifyRequest, reply: FastifyReply, answer: PreparedAnswer): void {
  reply.code(answer.status);
  applyProblemHeaders(writerOf(reply), answer.headers, answer.status);
  if (request.method === 'HEAD') {
    reply.header('content-length', String(Buffer.byteLength(answer.payload)));
    reply.send();
    return;
  }
  reply.serializer(sendAsIs).send(answer.payload);
}

/** The checks made before writing; `false` when the response is not ours to write. */
function writable(reply: FastifyReply): boolean {
  // Hijacked or finished: the response is someone else's now.
  if (reply.sent) return false;
  // Fastify 4 would crash writing after the headers; the only honest answer is to cut it.
  if (reply.raw.headersSent) {
    reply.raw.destroy();
    return false;
  }
  return true;
}

/** What is sent when writing the answer failed: the static 500, or a cut connection. */
function fallback(request: FastifyRequest, reply: FastifyReply, answer: PreparedAnswer): void {
  try {
    if (!writable(reply)) return;
    for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
    write(request, reply, answer);
  } catch {
    try {
      if (reply.raw.headersSent) reply.raw.destroy();
      else
        reply.raw
          .writeHead(500, {
            ...answer.headers,
            'content-length': Buffer.byteLength(answer.payload),
          })
          .end(request.method === 'HEAD' ? undefined : answer.payload);
    } catch {
      reply.raw.destroy();
    }
  }
}

/** Writes an outcome: its log calls, then its answer. Never throws. */
export function sendOutcome(
  flow: ProblemFlow<FastifyReply>,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: Outcome,
): void {
  logOutcome(request, outcome);
  try {
    if (writable(reply)) write(request, reply, outcome.answer);
  } catch {
    fallback(request, reply, flow.fallback);
  }
}

/**
 * Whether problems answer this request: within the `scope` option, on a route whose `config`
 * does not say `faultline: false`.
 */
function answersProblems(
  flow: ProblemFlow<FastifyReply>,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  try {
    const config = request.routeOptions?.config as { faultline?: unknown } | undefined;
    if (config?.faultline === false) return false;
  } catch {
    // A request without route options is answered like any other.
  }
  return flow.inScope(reply);
}

/**
 * Hands a failure to the error handler Fastify would have used without this plugin (its
 * default, or a parent's): an error sent from an error handler goes to the next one up.
 */
function leaveToFastify(error: unknown, reply: FastifyReply): void {
  reply.send(
    error instanceof Error
      ? error
      : new Error('A value that is not an Error was thrown', { cause: error }),
  );
}

/**
 * The one path every failure takes: core's flow (the application's mappers, this package's
 * classification of Fastify's errors, the normaliser), its log calls through `request.log`, and
 * the answer written pre-serialised.
 */
export function createProblemResponder(flow: ProblemFlow<FastifyReply>): ProblemResponder {
  return function respond(error, request, reply) {
    if (!answersProblems(flow, request, reply)) {
      leaveToFastify(error, reply);
      return;
    }
    if (!reply.sent && reply.raw.headersSent) {
      writeLog(request.log, flow.late(error, reply));
      reply.raw.destroy();
      return;
    }
    sendOutcome(flow, request, reply, flow.answer(error, reply));
  };
}
