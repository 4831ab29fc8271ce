import { matcher, traceId } from './matchers.js';
import type { Scenario, ScenarioRequest } from './scenario.js';

const unknownId = 'ZGF0YXNldC10ZXN0'; // dataset-test
const notFound = `Dataset with ID '${unknownId}' was not found.`;
const notFoundGerman = `Datensatz mit der ID '${unknownId}' wurde nicht gefunden.`;

/** The trace id of the W3C Trace Context specification's own example. */
export const TRACEPARENT_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
/** A valid `traceparent` header carrying `TRACEPARENT_TRACE_ID`. */
export const TRACEPARENT = `00-${TRACEPARENT_TRACE_ID}-00f067aa0ba902b7-01`;

const xml = 'application/problem+xml';

/** A request for a dataset that does not exist, with these headers. */
function unknownDataset(headers: Readonly<Record<string, string>>): ScenarioRequest {
  return { method: 'GET', path: `/v2/datasets/${unknownId}`, key: 'demo-reader-key', headers };
}

/**
 * What production asks of every problem, beside the error table: a trace id to quote to
 * support, the XML form for a client that prefers it, the problem in German for `Accept-Language:
 * de`, and never a cached failure (the last is checked on every problem row by `verify`). The rows use `demo-reader-key`, which reads and so
 * gets the same answers as the admin key, and leave the admin key's allowance to the others.
 */
export const productionScenarios: readonly Scenario[] = [
  {
    name: 'german-not-found',
    situation: 'Accept-Language: de gets the problem in German; type and error_code unchanged',
    request: unknownDataset({ 'accept-language': 'de' }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', title: 'Nicht gefunden', detail: notFoundGerman },
      headers: { 'content-language': 'de' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'german-regional',
    situation: 'Accept-Language: de-CH falls back to de',
    request: unknownDataset({ 'accept-language': 'de-CH, en;q=0.5' }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', title: 'Nicht gefunden', detail: notFoundGerman },
      headers: { 'content-language': 'de' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'german-validation',
    situation: 'a validation failure in German: errors[] keep their English details',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-reader-key',
      json: { description: 'no name' },
      headers: { 'accept-language': 'de' },
    },
    expect: {
      status: 422,
      problem: {
        code: 'MISSING_REQUIRED_FIELD',
        title: 'Nicht verarbeitbarer Inhalt',
        detail: "Das Feld 'name' ist erforderlich.",
        errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
      },
      headers: { 'content-language': 'de' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'german-5xx',
    situation: 'a handler bug in German still shows nothing of the error',
    request: {
      method: 'GET',
      path: '/v2/_demo/crash',
      key: 'demo-reader-key',
      headers: { 'accept-language': 'de' },
    },
    expect: {
      status: 500,
      problem: {
        title: 'Interner Serverfehler',
        detail: 'Ein unerwarteter Fehler ist aufgetreten.',
      },
      headers: { 'content-language': 'de' },
      secret: 'hunter2',
      rateLimit: 'counted',
    },
  },
  {
    name: 'language-unknown',
    situation: 'a language the API does not speak (fr) gets English',
    request: unknownDataset({ 'accept-language': 'fr' }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound },
      headers: { 'content-language': 'en' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'trace-id-traceparent',
    situation: 'a valid traceparent: its trace id is the problem’s',
    request: unknownDataset({ traceparent: TRACEPARENT }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound, traceId: TRACEPARENT_TRACE_ID },
      rateLimit: 'counted',
    },
  },
  {
    name: 'trace-id-traceparent-5xx',
    situation: 'a valid traceparent on a handler bug: its trace id, nothing of the error',
    request: {
      method: 'GET',
      path: '/v2/_demo/crash',
      key: 'demo-reader-key',
      headers: { traceparent: TRACEPARENT },
    },
    expect: {
      status: 500,
      problem: { detail: 'An unexpected error occurred.', traceId: TRACEPARENT_TRACE_ID },
      secret: 'hunter2',
      rateLimit: 'counted',
    },
  },
  {
    name: 'trace-id-invalid-traceparent',
    situation: 'an invalid traceparent (upper case) is ignored: a fresh trace id',
    request: unknownDataset({ traceparent: TRACEPARENT.toUpperCase() }),
    expect: {
      status: 404,
      problem: {
        code: 'RESOURCE_NOT_FOUND',
        detail: notFound,
        traceId: matcher(
          'a fresh trace id, not the header’s',
          (value) => traceId.test(value) && value !== TRACEPARENT_TRACE_ID,
        ),
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'problem-xml',
    situation: 'Accept: application/problem+xml gets the XML form',
    request: unknownDataset({ accept: xml }),
    expect: {
      status: 404,
      xml: true,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound },
      rateLimit: 'counted',
    },
  },
  {
    name: 'problem-xml-errors',
    situation: 'the XML form of a validation failure: errors as i elements',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-reader-key',
      json: { name: 42 },
      headers: { accept: xml },
    },
    expect: {
      status: 400,
      xml: true,
      problem: {
        code: 'VALIDATION_ERROR',
        detail: "The 'name' field must be of type string.",
        errors: [{ detail: "The 'name' field must be of type string.", pointer: '#/name' }],
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'problem-xml-5xx',
    situation: 'the XML form of a handler bug shows nothing of the error',
    request: {
      method: 'GET',
      path: '/v2/_demo/crash',
      key: 'demo-reader-key',
      headers: { accept: xml },
    },
    expect: {
      status: 500,
      xml: true,
      problem: { detail: 'An unexpected error occurred.' },
      secret: 'hunter2',
      rateLimit: 'counted',
    },
  },
  {
    name: 'problem-xml-by-q',
    situation: 'XML preferred by q-value over JSON',
    request: unknownDataset({ accept: 'application/problem+json;q=0.5, application/problem+xml' }),
    expect: {
      status: 404,
      xml: true,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound },
      rateLimit: 'counted',
    },
  },
  {
    name: 'problem-json-by-q',
    situation: 'JSON preferred by q-value over XML',
    request: unknownDataset({ accept: 'application/problem+xml;q=0.5, application/problem+json' }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound },
      rateLimit: 'counted',
    },
  },
  {
    name: 'accept-html',
    situation: 'Accept: text/html still gets application/problem+json',
    request: unknownDataset({ accept: 'text/html' }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound },
      rateLimit: 'counted',
    },
  },
];
