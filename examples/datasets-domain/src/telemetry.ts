import { createRequire } from 'node:module';
import type * as Api from '@opentelemetry/api';
import type * as Instrumentation from '@opentelemetry/instrumentation';
import type * as HttpInstrumentation from '@opentelemetry/instrumentation-http';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type * as SdkTraceNode from '@opentelemetry/sdk-trace-node';

/*
 * OpenTelemetry's SDK for the examples: a server span per request (the HTTP instrumentation),
 * which the adapters mark when a request fails. Loaded with Node's own `require`, as the adapters
 * load `@opentelemetry/api`: the tracer and the active context live on the global object, and
 * both sides must see the same one (Jest gives what it loads a global of its own).
 */
const load = createRequire(import.meta.url);

const where = '@faultline-examples/datasets-domain';

/** The SDK while it runs. */
export interface Telemetry {
  /** Exports what is left, then leaves the global tracer, context and propagator as they were. */
  shutdown(): Promise<void>;
}

/**
 * Starts the SDK with one exporter: every span is handed to it as soon as it ends.
 *
 * @example const telemetry = startTelemetry(new InMemorySpanExporter());
 */
export function startTelemetry(exporter: SdkTraceBase.SpanExporter): Telemetry {
  const api = load('@opentelemetry/api') as typeof Api;
  const { NodeTracerProvider, SimpleSpanProcessor } = load(
    '@opentelemetry/sdk-trace-node',
  ) as typeof SdkTraceNode;
  const { registerInstrumentations } = load(
    '@opentelemetry/instrumentation',
  ) as typeof Instrumentation;
  const { HttpInstrumentation: Http } = load(
    '@opentelemetry/instrumentation-http',
  ) as typeof HttpInstrumentation;

  const provider = new NodeTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  // The global tracer provider, AsyncLocalStorage context and W3C `traceparent` propagation.
  provider.register();
  const http = new Http();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [http],
  });
  // The instrumentation patches `http` when something requires it; the apps import it as an ES
  // module, which no require hook sees (nor does Jest's loader). So the loaded module is patched
  // through the instrumentation's own definition, which never patches twice.
  const httpModule: unknown = load('node:http');
  const definitions = http
    .getModuleDefinitions()
    .filter((definition) => definition.name === 'http');
  for (const definition of definitions) definition.patch?.(httpModule);

  return {
    async shutdown() {
      for (const definition of definitions) definition.unpatch?.(httpModule);
      unregister();
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
    },
  };
}

/**
 * What `OTEL_TRACES_EXPORTER` asks for: `console` prints every span as it ends (its status, its
 * `error.type`); unset or `none` starts nothing. Any other exporter is not part of the examples,
 * and stops the start-up saying so.
 *
 * @example const telemetry = telemetryFromEnvironment(process.env);
 */
export function telemetryFromEnvironment(env: NodeJS.ProcessEnv): Telemetry | undefined {
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter === undefined || exporter === '' || exporter === 'none') return undefined;
  if (exporter !== 'console') {
    throw new TypeError(
      `${where}: OTEL_TRACES_EXPORTER must be console or none in the examples, got ${JSON.stringify(exporter)}`,
    );
  }
  const { ConsoleSpanExporter } = load('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase;
  return startTelemetry(new ConsoleSpanExporter());
}
