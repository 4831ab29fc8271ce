import { ProblemError } from '@faultline/core';
import { FRESH_TRACE_ID, type Scenario } from '../scenario';
import { getSubject, UNEXPECTED } from './requests';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const traceparent = { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` };
const notFound = () => new ProblemError('RESOURCE_NOT_FOUND');

const XML = 'application/problem+xml';
const acceptXml = { Accept: XML };

/** A failure whose texts quote the request's password, as some validation libraries do. */
function weakPassword(value: string) {
  return () =>
    new ProblemError('VALIDATION_ERROR', {
      detail: `The password '${value}' is too weak.`,
      extensions: { errors: [{ pointer: '#/password', detail: `'${value}' is too weak.` }] },
    });
}

/** German titles and details of two codes, as an application's catalogue would give them. */
const german: Readonly<Record<string, { title: string; detail: string }>> = {
  RESOURCE_NOT_FOUND: { title: 'Nicht gefunden', detail: 'Die Ressource wurde nicht gefunden.' },
  VALIDATION_ERROR: { title: 'Ungültige Anfrage', detail: 'Die Anfrage ist ungültig.' },
};
const languages = () => ({
  locales: ['en', 'de', 'pt'],
  localize: (problem: { code: string | undefined }, language: string) =>
    language === 'de' && problem.code !== undefined ? german[problem.code] : undefined,
});

/** The options a production API turns on: trace ids, OpenTelemetry, XML, scope, redaction, languages. */
export const productionScenarios: readonly Scenario[] = [
  {
    name: "traceId: a valid traceparent's trace id in the body and the log record",
    options: () => ({ traceId: true }),
    handler: { throws: notFound },
    request: { ...getSubject, headers: traceparent },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { trace_id: TRACE },
      logFields: { trace_id: TRACE },
    },
  },
  {
    name: 'traceId: a 5xx carries the trace id in its body and its log record',
    options: () => ({ traceId: true }),
    handler: { throws: () => new Error('database timed out') },
    request: { ...getSubject, headers: traceparent },
    expect: {
      status: 500,
      body: { detail: UNEXPECTED, trace_id: TRACE },
      logFields: { trace_id: TRACE },
    },
  },
  {
    name: 'traceId: a path no route serves gets the trace id too',
    options: () => ({ traceId: true }),
    request: { method: 'GET', path: '/nowhere', headers: traceparent },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { trace_id: TRACE },
      logFields: { trace_id: TRACE },
    },
  },
  {
    name: 'traceId: an invalid traceparent is ignored, never echoed: a fresh id instead',
    options: () => ({ traceId: true }),
    handler: { throws: notFound },
    freshTraceId: 'trace_id',
    request: {
      ...getSubject,
      headers: { traceparent: `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01` },
    },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { trace_id: FRESH_TRACE_ID },
      logFields: { trace_id: FRESH_TRACE_ID },
    },
  },
  {
    name: 'traceId: { member } names the member and the log field',
    options: () => ({ traceId: { member: 'traceId' } }),
    handler: { throws: notFound },
    freshTraceId: 'traceId',
    request: getSubject,
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { traceId: FRESH_TRACE_ID },
      absentMembers: ['trace_id'],
      logFields: { traceId: FRESH_TRACE_ID },
    },
  },
  {
    name: 'traceId: a member that is a standard member is refused at start-up',
    options: () => ({ traceId: { member: 'status' } }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'traceId.member' } },
  },
  {
    name: 'openTelemetry: a value that is not a boolean or { recordException } is refused at start-up',
    options: () => ({ openTelemetry: { recordExceptions: true } }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'openTelemetry.recordExceptions' } },
  },
  {
    name: 'xml: a request that prefers application/problem+xml gets it, with Vary: Accept',
    options: () => ({ xml: true }),
    handler: { throws: notFound },
    request: { ...getSubject, headers: acceptXml },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      contentType: XML,
      body: { title: 'Not Found', type: 'about:blank' },
      headers: { vary: 'Accept' },
    },
  },
  {
    name: 'xml: a 5xx and its trace id as XML',
    options: () => ({ xml: true, traceId: true }),
    handler: { throws: () => new Error('database timed out') },
    request: { ...getSubject, headers: { ...acceptXml, ...traceparent } },
    expect: {
      status: 500,
      contentType: XML,
      body: { detail: UNEXPECTED, trace_id: TRACE },
      headers: { vary: 'Accept' },
      logFields: { trace_id: TRACE },
    },
  },
  {
    name: 'xml: a path no route serves answers in XML too',
    options: () => ({ xml: true }),
    request: { method: 'GET', path: '/nowhere', headers: acceptXml },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', contentType: XML },
  },
  {
    name: 'xml: Accept: text/html still gets application/problem+json, never a 406',
    options: () => ({ xml: true }),
    handler: { throws: notFound },
    request: { ...getSubject, headers: { Accept: 'text/html' } },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', headers: { vary: 'Accept' } },
  },
  {
    name: 'xml: JSON preferred by q-value gets JSON',
    options: () => ({ xml: true }),
    handler: { throws: notFound },
    request: {
      ...getSubject,
      headers: { Accept: 'application/problem+xml;q=0.5, application/problem+json' },
    },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', headers: { vary: 'Accept' } },
  },
  {
    name: "xml: Vary: Accept joins the application's Vary",
    options: () => ({ xml: true }),
    handler: { headers: { Vary: 'Origin' }, throws: notFound },
    request: { ...getSubject, headers: acceptXml },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      contentType: XML,
      headers: { vary: 'Origin, Accept' },
    },
  },
  {
    name: 'without the xml option, a request for XML gets JSON, and no Vary',
    handler: { throws: notFound },
    request: { ...getSubject, headers: acceptXml },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND', absentHeaders: ['vary'] },
  },
  {
    name: 'xml: a value that is not a boolean is refused at start-up',
    options: () => ({ xml: 'yes' }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'option xml' } },
  },
  {
    name: "scope: a path inside the scope's prefix is answered with a problem",
    options: () => ({ scope: '/subject' }),
    handler: { throws: notFound },
    request: { method: 'GET', path: '/subject?page=2' },
    expect: { status: 404, errorCode: 'RESOURCE_NOT_FOUND' },
  },
  {
    name: 'scope: a method no route serves inside the scope gets the problem 405',
    options: () => ({ scope: ['/v2', '/items'] }),
    request: { method: 'DELETE', path: '/items' },
    expect: { status: 405, errorCode: 'METHOD_NOT_ALLOWED', headers: { allow: 'GET, HEAD, POST' } },
  },
  {
    name: 'scope: a prefix that is not a path is refused at start-up',
    options: () => ({ scope: 'api' }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'option scope' } },
  },
  {
    name: 'scope: an empty list is refused at start-up',
    options: () => ({ scope: [] }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'option scope' } },
  },
  {
    name: 'redact: a sensitive field of the query never appears in detail, errors or the log',
    options: () => ({ redact: true }),
    handler: { throws: weakPassword('hunter22') },
    request: { method: 'GET', path: '/subject?Password=hunter22' },
    expect: {
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      body: {
        detail: "The password '[REDACTED]' is too weak.",
        errors: [{ pointer: '#/password', detail: "'[REDACTED]' is too weak." }],
      },
      loggedError: { message: "The password '[REDACTED]' is too weak." },
    },
  },
  {
    name: 'redact: the credentials of Authorization never appear in detail or the log',
    options: () => ({ redact: true }),
    handler: {
      throws: () =>
        new ProblemError('INVALID_CREDENTIALS', { detail: "Token 's3cr3t-t0ken' has expired." }),
    },
    request: { ...getSubject, headers: { Authorization: 'Bearer s3cr3t-t0ken' } },
    expect: {
      status: 401,
      errorCode: 'INVALID_CREDENTIALS',
      body: { detail: "Token '[REDACTED]' has expired." },
      loggedError: { message: "Token '[REDACTED]' has expired." },
    },
  },
  {
    name: "redact: a list of the application's own replaces the default one",
    options: () => ({ redact: ['pin_code'] }),
    handler: {
      throws: () => new ProblemError('VALIDATION_ERROR', { detail: 'PIN 98765 for hunter22.' }),
    },
    request: { method: 'GET', path: '/subject?pinCode=98765&password=hunter22' },
    expect: {
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      body: { detail: 'PIN [REDACTED] for hunter22.' },
      loggedError: { message: 'PIN [REDACTED] for hunter22.' },
    },
  },
  {
    name: 'without redact, nothing is changed',
    handler: { throws: weakPassword('hunter22') },
    request: { method: 'GET', path: '/subject?password=hunter22' },
    expect: {
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      body: { detail: "The password 'hunter22' is too weak." },
    },
  },
  {
    name: 'redact: a value that is not true or a list of names is refused at start-up',
    options: () => ({ redact: 'password' }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'option redact' } },
  },
  {
    name: 'locales: Accept-Language: de gets German title and detail, with Content-Language',
    options: languages,
    handler: { throws: () => new ProblemError('RESOURCE_NOT_FOUND', { detail: 'Gone.' }) },
    request: { ...getSubject, headers: { 'Accept-Language': 'de' } },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: {
        title: 'Nicht gefunden',
        detail: 'Die Ressource wurde nicht gefunden.',
        type: 'about:blank',
      },
      headers: { 'content-language': 'de', vary: 'Accept-Language' },
    },
  },
  {
    name: 'locales: de-CH falls back to de, over a Content-Language the handler had set',
    options: languages,
    handler: { headers: { 'Content-Language': 'fr' }, throws: notFound },
    request: { ...getSubject, headers: { 'Accept-Language': 'de-CH, en;q=0.5' } },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { title: 'Nicht gefunden' },
      headers: { 'content-language': 'de', vary: 'Accept-Language' },
    },
  },
  {
    name: 'locales: an unknown language gets the default, English',
    options: languages,
    handler: { throws: notFound },
    request: { ...getSubject, headers: { 'Accept-Language': 'fr-FR, ja;q=0.8' } },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { title: 'Not Found' },
      headers: { 'content-language': 'en', vary: 'Accept-Language' },
    },
  },
  {
    name: 'locales: a path no route serves is translated too, with Vary joining Accept',
    options: () => ({ ...languages(), xml: true }),
    request: { method: 'GET', path: '/nowhere', headers: { 'Accept-Language': 'de' } },
    expect: {
      status: 404,
      errorCode: 'RESOURCE_NOT_FOUND',
      body: { title: 'Nicht gefunden' },
      headers: { 'content-language': 'de', vary: 'Accept, Accept-Language' },
    },
  },
  {
    name: 'locales: localize without locales is refused at start-up',
    options: () => ({ localize: () => undefined }),
    handler: { throws: notFound },
    request: getSubject,
    expect: { startupError: { name: 'TypeError', mentions: 'option locales' } },
  },
];
