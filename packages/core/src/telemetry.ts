import { showValue } from './adapter-options.js';

/*
 * What faultline uses of OpenTelemetry, as structural types: core never imports
 * `@opentelemetry/api`; an adapter loads it when the application has it, and passes its `trace`.
 */

/** The part of an OpenTelemetry `SpanContext` read here. */
export interface TelemetrySpanContext {
  readonly traceId: string;
}

/** The part of an OpenTelemetry `Span` used here. */
export interface TelemetrySpan {
  spanContext(): TelemetrySpanContext;
  setAttribute(key: string, value: string): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: unknown): unknown;
}

/** The part of `@opentelemetry/api`'s `trace` used here. */
export interface TraceApi {
  getActiveSpan(): TelemetrySpan | undefined;
}

/** Whether `value` looks like `@opentelemetry/api`'s `trace`. */
export function isTraceApi(value: unknown): value is TraceApi {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getActiveSpan?: unknown }).getActiveSpan === 'function'
  );
}

/**
 * Every copy of `@opentelemetry/api` 1.x keeps what an SDK registers (tracer provider, context
 * manager, propagator) on the global object under this key, which is how copies share them.
 */
const openTelemetryGlobal = Symbol.for('opentelemetry.js.api.1');

/**
 * Whether an OpenTelemetry SDK has registered itself. Until one has, no span can be active, so
 * `@opentelemetry/api` (about 12 ms to load) is not loaded at all: installed but unused, it costs
 * an application's start-up nothing.
 */
export function openTelemetryRegistered(): boolean {
  return (globalThis as Record<symbol, unknown>)[openTelemetryGlobal] !== undefined;
}

/** The `openTelemetry` option: `false` leaves spans alone. */
export type OpenTelemetryOption = boolean | { readonly recordException?: boolean };

/** OpenTelemetry's `SpanStatusCode.ERROR`. */
const spanStatusError = 2;

/** What annotating a span reads of an answer. */
export interface AnnotatedAnswer {
  readonly error: unknown;
  readonly status: number;
  readonly code: string | undefined;
}

/**
 * Checks the `openTelemetry` option and resolves it once: the function that marks the active
 * span with an answer (a no-op while no SDK is registered or `@opentelemetry/api` is absent),
 * or `undefined` when the option is off. The span gets `error.type` (the `error_code`, else the status); a 5xx sets its status to ERROR
 * (a 4xx leaves it unset, as the HTTP semantic conventions say) and, with `recordException`,
 * records the error as an exception event.
 */
export function resolveSpanAnnotation(
  option: unknown,
  traceApi: () => TraceApi | undefined,
  where: string,
): ((answer: AnnotatedAnswer) => void) | undefined {
  let recordException = false;
  if (typeof option === 'object' && option !== null && !Array.isArray(option)) {
    const { recordException: record, ...rest } = option as { recordException?: unknown };
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) {
      throw new TypeError(
        `${where}: unknown option openTelemetry.${unknown}; openTelemetry takes recordException`,
      );
    }
    if (record !== undefined && typeof record !== 'boolean') {
      throw new TypeError(
        `${where}: option openTelemetry.recordException must be a boolean, got ${showValue(record)}`,
      );
    }
    recordException = record === true;
  } else if (option !== undefined && typeof option !== 'boolean') {
    throw new TypeError(
      `${where}: option openTelemetry must be a boolean or { recordException }, got ${showValue(option)}`,
    );
  }
  if (option === false) return undefined;
  return function annotateSpan({ error, status, code }) {
    try {
      const span = traceApi()?.getActiveSpan();
      if (span === undefined) return;
      span.setAttribute('error.type', code ?? String(status));
      if (status < 500) return;
      span.setStatus({ code: spanStatusError });
      if (
        recordException &&
        ((typeof error === 'object' && error !== null) || typeof error === 'string')
      ) {
        span.recordException(error);
      }
    } catch {
      // A broken tracer never changes the answer.
    }
  };
}
