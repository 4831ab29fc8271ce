import { scenarios } from '../scenarios.mjs';

/** Every path prefix the scenarios request (`/items`, `/lookup`, `/nothing`, `/boom`). */
const scenarioPrefixes = [...new Set(scenarios.map(({ path }) => `/${path.split('/')[1]}`))];

/** German texts of the 4xx problems the scenarios can produce, by code. */
const german = {
  RESOURCE_NOT_FOUND: { title: 'Nicht gefunden' },
  METHOD_NOT_ALLOWED: { title: 'Methode nicht erlaubt' },
  VALIDATION_ERROR: { title: 'Ungültige Anfrage' },
  MISSING_REQUIRED_FIELD: { title: 'Pflichtfeld fehlt' },
  UNSUPPORTED_MEDIA_TYPE: { title: 'Nicht unterstützter Medientyp' },
};

/** A 5xx carries no code: its German texts. */
const germanServerError = {
  title: 'Interner Serverfehler',
  detail: 'Ein unerwarteter Fehler ist aufgetreten.',
};

/** The apps' `localize`: German from the catalogue above; English (the default) as it is. */
function localize(problem, language) {
  if (language !== 'de') return undefined;
  return problem.status >= 500 ? germanServerError : german[problem.code ?? ''];
}

/**
 * The adapters' production options, all on: a trace id in every problem, the XML form on
 * request, redaction of sensitive fields, a `scope` listing every prefix the scenarios use (so
 * every scenario stays in it), and English and German. `openTelemetry` is on by default but does
 * nothing here: the bench does not install `@opentelemetry/api`.
 *
 * @example app.register(faultline, { registry, ...productionOptions() });
 */
export function productionOptions() {
  return {
    traceId: true,
    xml: true,
    redact: true,
    scope: scenarioPrefixes,
    locales: ['en', 'de'],
    localize,
  };
}
