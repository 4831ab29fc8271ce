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
  applyProblemHeaders(writerOf(reply), answer.headers);
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
 * The one path every failure takes: core's flow (the application's mappers, this package's
 * classification of Fastify's errors, the normaliser), its log calls through `request.log`, and
 * the answer written pre-serialised.
 */
export function createProblemResponder(flow: ProblemFlow<FastifyReply>): ProblemResponder {
  return function respond(error, request, reply) {
    if (!reply.sent && reply.raw.headersSent) {
      writeLog(request.log, flow.late(error, reply));
      reply.raw.destroy();
      return;
    }
    sendOutcome(flow, request, reply, flow.answer(error, reply));
  };
}
