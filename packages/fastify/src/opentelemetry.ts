import { createRequire } from 'node:module';

/**
 * `@opentelemetry/api`'s `trace`, when the application has the package (an optional peer
 * dependency), else `undefined`. Any copy of the API will do: they share the tracer and the
 * active context through a global, by OpenTelemetry's design.
 */
export function loadTraceApi(): unknown {
  try {
    const api: unknown = createRequire(import.meta.url)('@opentelemetry/api');
    return typeof api === 'object' && api !== null ? (api as { trace?: unknown }).trace : undefined;
  } catch {
    return undefined;
  }
}
