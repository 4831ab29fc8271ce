import {
  assertCommonOptions,
  assertKnownOptions,
  type CommonOptions,
  commonOptionNames,
} from './adapter-options.js';
import { methodNotAllowed, parserRejection, routeNotFound } from './framework-problems.js';
import { createLogEntries, type RequestFacts } from './log-entries.js';
import type { LogEntry } from './log-policy.js';
import { applyMappers } from './mappers.js';
import { createResponseBuilder, type ResponseBuilder } from './normalise.js';
import type { ProblemDocument } from './problem-document.js';
import { isProblemError } from './problem-error.js';
import { rawHttpResponse } from './raw-response.js';
import { redactedBody, redactedLogs } from './redaction.js';
import { resolveRequestFeatures } from './request-features.js';
import { requestTargetInstance, requestTargetPath } from './request-target.js';
import { createVariants, type Variant } from './request-variant.js';

export type { RequestFacts };

/** What an adapter tells the flow about its framework. `Context` is what it passes per request. */
export interface AdapterDefinition<Context, Request> {
  /** The package name, which starts every configuration error: `@faultline/express`. */
  readonly where: string;
  /** The adapter's own option names, besides the common ones. */
  readonly optionNames?: readonly string[];
  /**
   * Translates what the framework signals (its error codes, a parser's error types) into core's
   * vocabulary; anything it does not know is returned as it is. Runs after the application's
   * mappers, so an application's own mapping always wins.
   */
  readonly classify?: (value: unknown, context: Context) => unknown;
  readonly describe: (context: Context) => RequestFacts;
  /** The request an `instance` function is given. */
  readonly requestOf: (context: Context) => Request;
  /** Serialises a problem document. Default `JSON.stringify`. */
  readonly serialize?: (body: ProblemDocument) => string;
  /** A request header's value (`name` in lower case), several joined with `, `. */
  readonly headerOf?: (context: Context, name: string) => string | undefined;
  /** The request's parsed inputs (body, query), whose sensitive fields `redact` hides. */
  readonly inputsOf?: (context: Context) => readonly unknown[];
  /**
   * Loads `@opentelemetry/api` when the application has it and returns its `trace`; called at
   * most once, at the first problem answered after an OpenTelemetry SDK registered itself.
   */
  readonly loadTraceApi?: () => unknown;
}

/** A problem's answer, ready to write: nothing about it is computed again. */
export interface PreparedAnswer {
  /** The value as thrown, logged with the answer. */
  readonly error: unknown;
  readonly status: number;
  /** The `error_code` sent, for the log record. */
  readonly code: string | undefined;
  /** The trace id the body carries, when the `traceId` option is on. */
  readonly traceId?: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
}

/** What to do for one failure: write `answer`, make the `logs` calls. */
export interface Outcome {
  readonly answer: PreparedAnswer;
  readonly logs: readonly LogEntry[];
}

/** What a request no route serves gets: a problem, or (to `OPTIONS`) a 204 with `Allow`. */
export type UnmatchedOutcome = Outcome | { readonly options: string };

/** The one path every failure takes, decided in core and carried out by an adapter. */
export interface ProblemFlow<Context> {
  /**
   * The application's mappers, the adapter's classification, then the normaliser; the answer
   * serialised and the log calls to make. Never throws.
   */
  answer(error: unknown, context: Context): Outcome;
  /**
   * The answer to a request no route serves: 404 when nothing serves the path, 405 with `Allow`
   * when other methods do, 204 with `Allow` to `OPTIONS` when `answerOptions` is on. Answers that
   * cannot depend on the request are built once.
   */
  unmatched(context: Context, served: Iterable<string>, answerOptions: boolean): UnmatchedOutcome;
  /**
   * The whole HTTP response to a request Node's parser rejected before any framework saw it,
   * by the parser's error code (built once per code), and its log call.
   */
  parserRejected(
    error: unknown,
    code: string | undefined,
  ): { readonly response: string; readonly log: LogEntry | undefined };
  /** The static 500 written when writing the real answer failed. */
  readonly fallback: PreparedAnswer;
  /** The log call for an answer sent on `context`'s behalf, or none when its level is silent. */
  logFor(answer: PreparedAnswer, context: Context): LogEntry | undefined;
  /**
   * The log call for a failure that cannot be answered because the client went away (an
   * aborted upload): at the level of the status it would have had, saying so.
   */
  abandoned(error: unknown, context: Context): LogEntry | undefined;
  /** The log call for a failure after the response had started: the connection is cut. */
  late(error: unknown, context: Context): LogEntry | undefined;
  /**
   * Whether problems answer this request (the `scope` option); when not, the adapter leaves the
   * failure to its framework's own handling.
   */
  inScope(context: Context): boolean;
}

/**
 * How many distinct 405 answers are kept (one per refused method and `Allow` list); past the
 * bound, answers are still right, only built per request.
 */
const methodAnswersKept = 256;
/** Node's HTTP parser has a few dozen error codes. */
const parserAnswersKept = 64;

/**
 * Builds the flow an adapter runs every failure through. Every option is checked here, once:
 * unknown names and bad values throw a `TypeError` naming the package, the option and the value.
 */
export function createProblemFlow<Context, Request>(
  options: CommonOptions<Request> | undefined,
  adapter: AdapterDefinition<Context, Request>,
): ProblemFlow<Context> {
  const { where } = adapter;
  const given = options ?? {};
  assertKnownOptions(given, [...commonOptionNames, ...(adapter.optionNames ?? [])], where);
  assertCommonOptions(given as Record<string, unknown>, where);
  let build: ResponseBuilder;
  try {
    build = createResponseBuilder(given);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new TypeError(error.message.replace(/^@faultline\/core: /, `${where}: option `));
  }

  const { classify, describe, requestOf, headerOf } = adapter;
  const { traceIds, scope, redactorOf, annotateSpan, localization } = resolveRequestFeatures(
    given,
    adapter,
  );

  const mappers = given.mappers ?? [];
  const logs = createLogEntries(
    given.logLevel4xx ?? 'info',
    given.logLevel5xx ?? 'error',
    traceIds?.member,
  );
  const serialize = adapter.serialize ?? JSON.stringify;
  const instanceOption = given.instance;
  const instanceOf =
    instanceOption === true
      ? (context: Context) => requestTargetInstance(describe(context).target)
      : typeof instanceOption === 'function'
        ? (context: Context) => {
            const value = instanceOption(requestOf(context));
            return typeof value === 'string' ? value : undefined;
          }
        : undefined;
  /** What of an answer depends on its request; `undefined` when nothing does. */
  const variants = createVariants<Context>({
    traceIds,
    xml: given.xml === true,
    localization,
    headerOf,
    serialize,
  });
  /** Whether a problem the adapter raises itself always gets the same answer. */
  const fixed =
    mappers.length === 0 &&
    instanceOf === undefined &&
    given.exposeStack !== true &&
    variants === undefined;

  function logFor(answer: PreparedAnswer, context: Context): LogEntry | undefined {
    return logs.answered(answer, describe(context));
  }

  function prepared(
    error: unknown,
    status: number,
    headers: Readonly<Record<string, string>>,
    body: ProblemDocument,
    variant?: Variant,
  ): PreparedAnswer {
    const code = typeof body.error_code === 'string' ? body.error_code : undefined;
    if (variant === undefined || variants === undefined) {
      return { error, status, code, headers, payload: serialize(body) };
    }
    const rendered = variants.render(body, headers, variant);
    return {
      error,
      status,
      code,
      headers: rendered.headers,
      payload: rendered.payload,
      traceId: variant.traceId,
    };
  }

  const fallbackResponse = build(undefined, undefined, undefined);
  const fallback = prepared(undefined, 500, fallbackResponse.headers, fallbackResponse.body);

  function answer(error: unknown, context: Context): Outcome {
    return run(error, context, undefined);
  }

  /** `allow`: a 405's `Allow` exactly as the router serves it (with no HEAD it does not serve). */
  function run(error: unknown, context: Context, allow: string | undefined): Outcome {
    const calls: LogEntry[] = [];
    try {
      let value = error;
      if (mappers.length > 0) {
        const mapped = applyMappers(mappers, error);
        if (mapped.ok) value = mapped.value;
        else {
          value = undefined;
          const failed = logs.failed(
            mapped.failure,
            describe(context),
            'an error mapper threw; answered 500',
          );
          if (failed !== undefined) calls.push(failed);
        }
      }
      // A framework signal the adapter turned into a problem is logged as that problem (its
      // cause holds the signal): the same record on every adapter, and no body text quoted.
      let logged = error;
      if (classify !== undefined) {
        const classified = classify(value, context);
        if (classified !== value && isProblemError(classified)) logged = classified;
        value = classified;
      }
      let instance: string | undefined;
      if (instanceOf !== undefined) {
        try {
          instance = instanceOf(context);
        } catch (failure) {
          const failed = logs.failed(
            failure,
            describe(context),
            'the instance option threw; answered without instance',
          );
          if (failed !== undefined) calls.push(failed);
        }
      }
      const built = build(value, instance, error);
      const { status, headers } = built;
      let variant = variants?.of(context);
      let body = built.body;
      if (localization !== undefined && variant?.language !== undefined) {
        const localized = localization.localize(body, variant.language);
        body = localized.body;
        variant = { ...variant, language: localized.language };
        if (localized.failure !== undefined) {
          const failed = logs.failed(
            localized.failure.error,
            describe(context),
            'the localize option threw; answered untranslated',
          );
          if (failed !== undefined) calls.push(failed);
        }
      }
      const redactor = redactorOf(context);
      if (redactor !== undefined) body = redactedBody(body, redactor);
      const result = prepared(
        logged,
        status,
        allow !== undefined && status === 405 ? { ...headers, Allow: allow } : headers,
        body,
        variant,
      );
      annotateSpan?.(result);
      const log = logFor(result, context);
      if (log !== undefined) calls.push(log);
      return {
        answer: result,
        logs: redactor === undefined ? calls : redactedLogs(calls, redactor),
      };
    } catch (failure) {
      // Only a failing serialiser or a hostile request object gets here.
      const request = describe(context);
      const failed = logs.failed(failure, request, 'building the problem failed; answered 500');
      if (failed !== undefined) calls.push(failed);
      const result =
        variants === undefined
          ? { ...fallback, error }
          : prepared(
              error,
              500,
              fallbackResponse.headers,
              fallbackResponse.body,
              variants.of(context),
            );
      annotateSpan?.(result);
      const log = logs.answered(result, request);
      if (log !== undefined) calls.push(log);
      const redactor = redactorOf(context);
      return {
        answer: result,
        logs: redactor === undefined ? calls : redactedLogs(calls, redactor),
      };
    }
  }

  /** The answer to a problem of the adapter's own, for options under which it never varies. */
  function prepareFixed(problem: unknown, allow?: string): PreparedAnswer {
    const { status, headers, body } = build(problem, undefined, problem);
    return prepared(
      problem,
      status,
      allow === undefined ? headers : { ...headers, Allow: allow },
      body,
    );
  }

  /** Prepared at the first unmatched path, not at start-up. */
  let notFoundAnswer: PreparedAnswer | undefined;
  const methodAnswers = new Map<string, PreparedAnswer>();

  function unmatched(
    context: Context,
    served: Iterable<string>,
    answerOptions: boolean,
  ): UnmatchedOutcome {
    const { method } = describe(context);
    const methods = [...served].filter((name) => name !== method);
    if (methods.length === 0) {
      if (!fixed) return answer(routeNotFound(), context);
      notFoundAnswer ??= prepareFixed(routeNotFound());
      return withLog(notFoundAnswer, context);
    }
    // Exactly what the router serves: no HEAD added where a framework does not serve one.
    const allow = [...new Set(methods.map((name) => name.toUpperCase()))].sort().join(', ');
    if (answerOptions && method === 'OPTIONS') return { options: allow };
    if (!fixed) return run(methodNotAllowed(method, methods), context, allow);
    const key = `${method} ${allow}`;
    let cached = methodAnswers.get(key);
    if (cached === undefined) {
      cached = prepareFixed(methodNotAllowed(method, methods), allow);
      if (methodAnswers.size < methodAnswersKept) methodAnswers.set(key, cached);
    }
    return withLog(cached, context);
  }

  function withLog(result: PreparedAnswer, context: Context): Outcome {
    annotateSpan?.(result);
    const log = logFor(result, context);
    return { answer: result, logs: log === undefined ? [] : [log] };
  }

  const parserAnswers = new Map<string, string>();

  function parserRejected(error: unknown, code: string | undefined) {
    const rejection = parserRejection(code);
    if (traceIds !== undefined) {
      // No request was read: its id is a fresh one, so the answer is built each time.
      const problem = build(rejection, undefined, undefined);
      const answer = prepared(
        error,
        problem.status,
        problem.headers,
        problem.body,
        variants?.of(undefined),
      );
      return {
        response: rawHttpResponse(problem, answer.payload),
        log: logs.parserRejected(error, rejection.status, code, answer.traceId),
      };
    }
    const key = code ?? '';
    let response = parserAnswers.get(key);
    if (response === undefined) {
      const problem = build(rejection, undefined, undefined);
      response = rawHttpResponse(problem, serialize(problem.body));
      if (parserAnswers.size < parserAnswersKept) parserAnswers.set(key, response);
    }
    return { response, log: logs.parserRejected(error, rejection.status, code) };
  }

  function abandoned(error: unknown, context: Context): LogEntry | undefined {
    let status = 500;
    try {
      const value = classify === undefined ? error : classify(error, context);
      status = build(value, undefined, error).status;
    } catch {
      // Classifying a hostile value failed: it counts as the unexpected error it is.
    }
    return redactedLog(logs.abandoned(error, status, describe(context)), context);
  }

  function late(error: unknown, context: Context): LogEntry | undefined {
    return redactedLog(logs.late(error, describe(context)), context);
  }

  function redactedLog(entry: LogEntry | undefined, context: Context): LogEntry | undefined {
    const redactor = entry === undefined ? undefined : redactorOf(context);
    return redactor === undefined || entry === undefined
      ? entry
      : redactedLogs([entry], redactor)[0];
  }

  function inScope(context: Context): boolean {
    if (scope === undefined) return true;
    try {
      return scope(requestTargetPath(describe(context).target), requestOf(context));
    } catch {
      return true;
    }
  }

  return { answer, unmatched, parserRejected, fallback, logFor, abandoned, late, inScope };
}
