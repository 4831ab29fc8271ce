import { PROBLEM_CONTENT_TYPE, type ProblemError } from '@faultline/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Classifier } from './classify.js';
import type { ResolvedOptions } from './options.js';
import { sendAsIs, serializeProblem } from './serializer.js';

/** Set even when the reply has them: they describe this body and whether it may be stored. */
const ownHeaders: ReadonlySet<string> = new Set([
  'Content-Type',
  'X-Content-Type-Options',
  'Cache-Control',
]);

/** Answers any thrown value with a problem response. Never throws. */
export type ProblemResponder = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) => void;

/** The answer to one problem, built once: status, headers and the serialised body. */
export interface PreparedAnswer {
  /** What is logged each time the answer is sent. */
  readonly error: ProblemError;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
}

/** The one path every failure takes, and its shortcut for answers that never change. */
export interface Responder {
  readonly respond: ProblemResponder;
  /**
   * Builds the answer to a problem the plugin raises itself (a 404, a 405) once, so a flood of
   * them costs no normalising or serialising. `undefined` when the options make every answer
   * depend on the request: mappers, `instance`, or `exposeStack`.
   */
  prepare(problem: ProblemError): PreparedAnswer | undefined;
  /** Sends a prepared answer, exactly as `respond` would have answered its problem. Never throws. */
  sendPrepared(answer: PreparedAnswer, request: FastifyRequest, reply: FastifyReply): void;
}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    try {
      const message = (error as { message?: unknown }).message;
      if (typeof message === 'string') return message;
    } catch {
      // A hostile getter: fall through to the generic message.
    }
  }
  return `a non-Error value was thrown (${error === null ? 'null' : typeof error})`;
}

function stackOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  try {
    const stack = (error as { stack?: unknown }).stack;
    return typeof stack === 'string' ? stack : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the one path every failure takes: the application's mappers, then the Fastify
 * classifier, then core's normaliser; the 5xx is logged once with the original error (its stack
 * and cause included by pino's `err` serializer), and the answer written pre-serialised.
 */
export function createProblemResponder(options: ResolvedOptions, classify: Classifier): Responder {
  const { normalise, mappers, exposeStack, logLevel4xx, instance } = options;
  // What is sent when answering itself fails: built now, so it cannot fail later.
  const fallbackBody = serializeProblem(normalise(undefined).body);

  function map(error: unknown): unknown {
    for (const mapper of mappers) {
      const mapped = mapper(error);
      if (mapped !== undefined && mapped !== null) return mapped;
    }
    return error;
  }

  function log(request: FastifyRequest, error: unknown, status: number): void {
    try {
      if (status >= 500) request.log.error({ err: error }, messageOf(error));
      else if (logLevel4xx !== 'silent') request.log[logLevel4xx]({ err: error }, messageOf(error));
    } catch {
      // A failing logger must not change the answer.
    }
  }

  function write(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    headers: Readonly<Record<string, string>>,
    payload: string,
  ): void {
    reply.code(status);
    for (const name in headers) {
      // Headers already on the reply (a rate limiter's Retry-After, an Allow, a challenge) stay;
      // those that describe the problem response itself are always the problem's.
      if (ownHeaders.has(name) || !reply.hasHeader(name)) reply.header(name, headers[name]);
    }
    if (request.method === 'HEAD') {
      reply.header('content-length', String(Buffer.byteLength(payload)));
      reply.send();
      return;
    }
    reply.serializer(sendAsIs).send(payload);
  }

  function fallback(request: FastifyRequest, reply: FastifyReply, failure: unknown): void {
    log(request, failure, 500);
    try {
      if (reply.sent) return;
      if (reply.raw.headersSent) {
        reply.raw.destroy();
        return;
      }
      reply
        .code(500)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .header('x-content-type-options', 'nosniff');
      if (request.method === 'HEAD') reply.send();
      else reply.serializer(sendAsIs).send(fallbackBody);
    } catch {
      try {
        if (reply.raw.headersSent) reply.raw.destroy();
        else
          reply.raw
            .writeHead(500, {
              'content-type': PROBLEM_CONTENT_TYPE,
              'x-content-type-options': 'nosniff',
              'content-length': Buffer.byteLength(fallbackBody),
            })
            .end(request.method === 'HEAD' ? undefined : fallbackBody);
      } catch {
        reply.raw.destroy();
      }
    }
  }

  /** The checks both paths make before writing; `false` when the response is not ours to write. */
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

  function respond(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    let logged = false;
    try {
      let value: unknown;
      try {
        value = mappers.length === 0 ? error : map(error);
      } catch (mapperFailure) {
        // As in core: a mapper that throws turns the answer into a 500; both errors are logged.
        log(request, mapperFailure, 500);
        value = undefined;
      }
      const url = instance?.(request);
      const response = normalise(
        classify(value, request, reply),
        url === undefined ? undefined : { instance: url },
      );
      log(request, error, response.status);
      logged = true;
      if (!writable(reply)) return;
      const payload = serializeProblem(response.body, exposeStack ? stackOf(error) : undefined);
      write(request, reply, response.status, response.headers, payload);
    } catch (failure) {
      if (!logged) log(request, error, 500);
      fallback(request, reply, failure);
    }
  }

  function prepare(problem: ProblemError): PreparedAnswer | undefined {
    if (mappers.length > 0 || instance !== undefined || exposeStack) return undefined;
    const { status, headers, body } = normalise(problem);
    return { error: problem, status, headers, payload: serializeProblem(body) };
  }

  function sendPrepared(
    answer: PreparedAnswer,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    log(request, answer.error, answer.status);
    try {
      if (writable(reply)) write(request, reply, answer.status, answer.headers, answer.payload);
    } catch (failure) {
      fallback(request, reply, failure);
    }
  }

  return { respond, prepare, sendPrepared };
}
