import {
  assertKnownOptions,
  type CommonOptions,
  commonOptionNames,
  createProblemFlow,
  type ProblemFlow,
  showValue,
} from '@faultline/core/adapter';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createClassifier } from './classify.js';
import { loadTraceApi } from './opentelemetry.js';

export type { LogLevel as FaultlineLogLevel } from '@faultline/core/adapter';

/** How JSON request bodies are read. */
export interface FaultlineJsonOptions {
  /**
   * Keep Fastify's `text/plain` parser. Off by default: a `text/plain` body is answered
   * 415 like any other non-JSON body. Routes that take text can also re-add a parser in
   * their own plugin.
   */
  readonly acceptTextPlain?: boolean;
}

/** Options of the `faultline` plugin, `problemFrameworkErrors` and `problemClientErrorHandler`. */
export interface FaultlineOptions extends CommonOptions<FastifyRequest> {
  /**
   * Install the not-found handler (404, 405 with `Allow`, `OPTIONS`). Default `true`. Fastify
   * allows one per prefix: turn it off to install your own and call
   * `app.faultline.notFoundHandler` from it.
   */
  readonly notFound?: boolean;
  /** Answer `OPTIONS` on a served path with 204 and `Allow`. Default `true`. */
  readonly answerOptions?: boolean;
  /**
   * Replace Fastify's JSON parser with one whose errors name the position, and answer 415 to
   * bodies that are not JSON. Default `true`; `false` leaves Fastify's parsers as they are.
   */
  readonly json?: boolean | FaultlineJsonOptions;
}

/** Options resolved once, at registration; nothing is re-read per request. */
export interface ResolvedOptions {
  /** The one path every failure takes, with this package's classification of Fastify's errors. */
  readonly flow: ProblemFlow<FastifyReply>;
  readonly notFound: boolean;
  readonly answerOptions: boolean;
  /** `undefined` when the plugin leaves body parsing to Fastify. */
  readonly json: { readonly acceptTextPlain: boolean } | undefined;
}

const where = '@faultline/fastify';
const optionNames = ['notFound', 'answerOptions', 'json'];

function assertBoolean(options: Record<string, unknown>, name: string): void {
  const value = options[name];
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`${where}: option ${name} must be a boolean, got ${showValue(value)}`);
  }
}

function resolveJson(json: unknown): ResolvedOptions['json'] {
  if (json === undefined || json === true) return { acceptTextPlain: false };
  if (json === false) return undefined;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TypeError(
      `${where}: option json must be a boolean or an object, got ${showValue(json)}`,
    );
  }
  const { acceptTextPlain, ...rest } = json as FaultlineJsonOptions;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) {
    throw new TypeError(`${where}: unknown option json.${unknown}; json takes acceptTextPlain`);
  }
  if (acceptTextPlain !== undefined && typeof acceptTextPlain !== 'boolean') {
    throw new TypeError(
      `${where}: option json.acceptTextPlain must be a boolean, got ${showValue(acceptTextPlain)}`,
    );
  }
  return { acceptTextPlain: acceptTextPlain === true };
}

/**
 * Checks every option once and resolves the defaults. Throws a `TypeError` naming the package,
 * the option and the value; an unknown option name is refused, not ignored.
 */
export function resolveOptions(options: FaultlineOptions | undefined): ResolvedOptions {
  const given = options ?? {};
  assertKnownOptions(given, [...commonOptionNames, ...optionNames], where);
  const record = given as Record<string, unknown>;
  for (const name of ['notFound', 'answerOptions']) assertBoolean(record, name);
  const json = resolveJson(given.json);
  const flow = createProblemFlow<FastifyReply, FastifyRequest>(given, {
    where,
    optionNames,
    classify: createClassifier(json !== undefined),
    describe: (reply) => ({ method: reply.request.method, target: reply.request.url }),
    requestOf: (reply) => reply.request,
    headerOf: (reply, name) => {
      const value = reply.request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    inputsOf: (reply) => [reply.request.body, reply.request.query],
    loadTraceApi,
  });
  return {
    flow,
    notFound: given.notFound !== false,
    answerOptions: given.answerOptions !== false,
    json,
  };
}
