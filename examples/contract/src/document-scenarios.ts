import type { DefaultErrorCode } from '@faultline/core';
import { absent, anyString, arrayOf, type Expected, matcher } from './matchers.js';
import { contractProblemTypes } from './problem-types.js';
import type { ContractContext, Scenario, SetupResult } from './scenario.js';

/** Every operation the API's OpenAPI document must describe, and no other. */
export const documentedOperations = [
  'GET /v2/datasets',
  'POST /v2/datasets',
  'GET /v2/datasets/{id}',
  'DELETE /v2/datasets/{id}',
  'GET /v2/_demo/crash',
  'GET /v2/_demo/upstream',
  'GET /v2/_demo/maintenance',
] as const;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The `METHOD /path` of every operation of an OpenAPI document. */
export function operationsOf(document: unknown): string[] {
  const paths = (document as { paths?: unknown } | null)?.paths;
  if (typeof paths !== 'object' || paths === null) return [];
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item as object)
      .filter((key) => methods.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

const openApiDocument = matcher(
  `an OpenAPI 3.1 document of exactly ${documentedOperations.join(', ')}, with the problem components`,
  (value) => {
    const document = value as { openapi?: unknown; components?: { responses?: unknown } } | null;
    if (typeof document?.openapi !== 'string' || !document.openapi.startsWith('3.1.')) return false;
    const found = operationsOf(document).sort();
    const wanted = [...documentedOperations].sort();
    return (
      JSON.stringify(found) === JSON.stringify(wanted) &&
      typeof document.components?.responses === 'object'
    );
  },
);

/** Every `src` and `href` of a page's `<script>` and `<link>` elements. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]*)"/gi)].map(
    (match) => match[1] ?? '',
  );
}

const interactiveReference = matcher(
  'Swagger UI whose scripts and stylesheets all come from this server (no CDN)',
  (value) => {
    if (typeof value !== 'string' || !value.includes('id="swagger-ui"')) return false;
    const urls = assetUrls(value);
    const scripts = urls.filter((url) => /\.js(\?|$)/.test(url));
    return scripts.length > 0 && urls.every((url) => /^\.{0,2}\/(?!\/)/.test(url));
  },
);

/** The 4xx codes of the contract: each has its row on the page. */
const clientCodes: readonly DefaultErrorCode[] = [
  'VALIDATION_ERROR',
  'INVALID_ID',
  'AUTHENTICATION_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCESS_DENIED',
  'RESOURCE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RESOURCE_ALREADY_EXISTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'MISSING_REQUIRED_FIELD',
  'INVALID_FIELD_VALUE',
  'INVALID_ENUM_VALUE',
  'RATE_LIMIT_EXCEEDED',
];

const anchors = [...Object.values(contractProblemTypes).map((type) => type.slug), ...clientCodes];

const errorPage = matcher(
  'the error page: an element per problem type whose id is its slug, a row per code whose id is the code',
  (value) =>
    typeof value === 'string' &&
    value.startsWith('<!doctype html>') &&
    anchors.every((id) => value.includes(`id="${id}"`)),
);

/** A strong entity tag. */
const strongEtag = matcher(
  'a strong ETag',
  (value) => typeof value === 'string' && /^"[^"]+"$/.test(value),
);

/** What every representation of the error page is sent with. */
const pageHeaders: Readonly<Record<string, Expected>> = {
  etag: strongEtag,
  'cache-control': 'public, max-age=300',
  vary: matcher(
    'a Vary naming Accept',
    (value) => typeof value === 'string' && /\baccept\b/i.test(value),
  ),
};

/** The error page lives at the path of the type base, so that every `type` URI reaches it. */
const pagePath = (_setup: SetupResult, context: ContractContext) =>
  new URL(context.typeBase).pathname;

const catalogueEntry = matcher('an object', (value) => typeof value === 'object' && value !== null);

/**
 * The documents the API serves: no credentials asked for, never counted by the rate limit (no
 * `RateLimit-*` headers), and the same whatever key comes with the request.
 */
export const documentScenarios: readonly Scenario[] = [
  {
    name: 'openapi-document',
    situation: 'GET /openapi.json: the OpenAPI 3.1 document',
    request: { method: 'GET', path: '/openapi.json' },
    expect: { status: 200, body: openApiDocument, rateLimit: 'none' },
  },
  {
    name: 'openapi-document-bad-key',
    situation: 'GET /openapi.json with an unknown key: no authentication',
    request: {
      method: 'GET',
      path: '/openapi.json',
      headers: { authorization: 'Bearer no-such-key' },
    },
    expect: { status: 200, body: openApiDocument, rateLimit: 'none' },
  },
  {
    name: 'api-reference',
    situation: 'GET /docs: the interactive API reference, served by the app',
    request: { method: 'GET', path: '/docs' },
    alike: 'status',
    expect: {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      text: interactiveReference,
      rateLimit: 'none',
    },
  },
  {
    name: 'error-page',
    situation: 'GET /docs/errors (the type base): the error page',
    request: (setup, context) => ({ method: 'GET', path: pagePath(setup, context) }),
    expect: {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      text: errorPage,
      headers: {
        ...pageHeaders,
        'content-security-policy': anyString,
        'x-content-type-options': 'nosniff',
      },
      rateLimit: 'none',
    },
  },
  {
    name: 'error-page-json',
    situation: 'GET /docs/errors with Accept: application/json: the registry',
    request: (setup, context) => ({
      method: 'GET',
      path: pagePath(setup, context),
      headers: { accept: 'application/json' },
    }),
    expect: {
      status: 200,
      body: { types: arrayOf(catalogueEntry), codes: arrayOf(catalogueEntry) },
      headers: { ...pageHeaders, 'content-security-policy': absent },
      rateLimit: 'none',
    },
  },
  {
    name: 'error-page-head',
    situation: 'HEAD /docs/errors',
    request: (setup, context) => ({
      method: 'HEAD',
      path: pagePath(setup, context),
      key: 'demo-admin-key',
    }),
    expect: {
      status: 200,
      empty: true,
      contentType: 'text/html; charset=utf-8',
      headers: pageHeaders,
      rateLimit: 'none',
    },
  },
];
