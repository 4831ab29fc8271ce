import type { CommonOptions } from './adapter-options.js';
import { type Localization, resolveLocalization } from './localization.js';
import type { AdapterDefinition } from './problem-flow.js';
import { type Redactor, resolveRedaction } from './redaction.js';
import { resolveScope, type Scope } from './scope.js';
import {
  type AnnotatedAnswer,
  isTraceApi,
  openTelemetryRegistered,
  resolveSpanAnnotation,
  type TraceApi,
} from './telemetry.js';
import { resolveTraceIds, type TraceIds } from './trace-id.js';

/*
 * The options a production API turns on (trace ids, OpenTelemetry, scope, redaction, languages),
 * each checked and resolved once; every one that is off is `undefined` and costs nothing.
 */

export interface RequestFeatures<Context, Request> {
  readonly traceIds: TraceIds<Context> | undefined;
  readonly scope: Scope<Request> | undefined;
  /** The redactor of one request; `undefined` when `redact` is off. */
  readonly redactorOf: (context: Context) => Redactor | undefined;
  readonly annotateSpan: ((answer: AnnotatedAnswer) => void) | undefined;
  readonly localization: Localization | undefined;
}

export function resolveRequestFeatures<Context, Request>(
  given: CommonOptions<Request>,
  adapter: AdapterDefinition<Context, Request>,
): RequestFeatures<Context, Request> {
  const { where, headerOf } = adapter;
  let loaded: { readonly api: TraceApi | undefined } | undefined;
  /**
   * `@opentelemetry/api`'s `trace`, loaded once, at the first problem answered after an SDK
   * registered itself; `undefined` before that and when the application lacks the package.
   */
  function traceApi(): TraceApi | undefined {
    if (loaded === undefined) {
      if (adapter.loadTraceApi === undefined || !openTelemetryRegistered()) return undefined;
      const api = adapter.loadTraceApi();
      loaded = { api: isTraceApi(api) ? api : undefined };
    }
    return loaded.api;
  }
  const traceIds = resolveTraceIds<Context>(
    given.traceId,
    { traceparent: (context) => headerOf?.(context, 'traceparent'), trace: traceApi },
    where,
  );
  const redaction = resolveRedaction(given.redact, where);

  function redactorOf(context: Context): Redactor | undefined {
    if (redaction === undefined) return undefined;
    try {
      return redaction.forRequest(
        adapter.inputsOf?.(context) ?? [],
        headerOf?.(context, 'authorization'),
      );
    } catch {
      // A request whose inputs cannot be read: its logged errors still lose sensitive keys.
      return redaction.forRequest([], undefined);
    }
  }

  return {
    traceIds,
    scope: resolveScope<Request>(given.scope, where),
    redactorOf,
    annotateSpan: resolveSpanAnnotation(given.openTelemetry, traceApi, where),
    localization: resolveLocalization(given.locales, given.localize, where),
  };
}
