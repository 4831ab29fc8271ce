import { localizeDatasets } from './german.js';

/**
 * The adapter options both apps add for production, beside the domain's registry and mappers:
 * a `trace_id` in every problem body and its log record (the active span's, else the caller's
 * `traceparent`, else a fresh one), and `application/problem+xml` for a client that prefers it.
 * Every problem is also `Cache-Control: no-store`, and marks the active OpenTelemetry span
 * (`error.type`, ERROR on a 5xx): both are the adapters' defaults, so nothing is set for them.
 * Problems answer in German to `Accept-Language: de` (`de-CH` too), in English otherwise, with
 * `Content-Language` saying which.
 *
 * @example app.use(problemHandlers({ ...service.problemOptions, ...productionOptions }))
 */
export const productionOptions = {
  traceId: true,
  xml: true,
  locales: ['en', 'de'],
  localize: localizeDatasets,
} as const;
