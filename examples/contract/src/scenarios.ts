import { authenticationScenarios } from './authentication-scenarios.js';
import { documentScenarios } from './document-scenarios.js';
import {
  absent,
  anyString,
  arrayOf,
  datasetId,
  type Expected,
  echoesAtMost,
  integerString,
  isoTimestamp,
  matcher,
  startsWith,
} from './matchers.js';
import { productionScenarios } from './production-scenarios.js';
import type { Scenario } from './scenario.js';

/** A dataset as the API shows it, with the values that vary matched by shape. */
function dataset(
  name: string,
  visibility: 'private' | 'public' = 'private',
  description: string | null = null,
): Expected {
  return { id: datasetId, name, description, visibility, created_at: isoTimestamp };
}

const anyDataset: Expected = {
  id: datasetId,
  name: anyString,
  description: matcher('a string or null', (v) => v === null || typeof v === 'string'),
  visibility: matcher("'private' or 'public'", (v) => v === 'private' || v === 'public'),
  created_at: isoTimestamp,
};

/** Where a created dataset lives. */
const location = matcher(
  '/v2/datasets/<id>',
  (v) =>
    typeof v === 'string' &&
    datasetId.test(v.replace(/^\/v2\/datasets\//, '')) &&
    v.startsWith('/v2/datasets/'),
);

const unknownId = 'ZGF0YXNldC10ZXN0'; // dataset-test
const longName = 'n'.repeat(101);
const secretBody = `{"name": "SECRET-${'0123456789'.repeat(6)}" oops}`;
const challenge = 'Bearer realm="datasets"';

const notFound = (id: string) => `Dataset with ID '${id}' was not found.`;
const typeFailure = (field: string, type: string) => ({
  detail: `The '${field}' field must be of type ${type}.`,
  errors: [{ detail: `The '${field}' field must be of type ${type}.`, pointer: `#/${field}` }],
});
const bodyNotObject = {
  detail: 'The request body must be of type object.',
  errors: [{ detail: 'The request body must be of type object.', pointer: '#' }],
};

/** Any client error: what bad input must get, never a 5xx. */
const clientError = matcher(
  'a 4xx error code',
  (v) => typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(v),
);

/**
 * The Datasets API contract, row by row: the success path, every row of the error table, the
 * order the checks run in, and the edges. Setups create datasets with names no other row uses,
 * so the rows also hold when they all run, in this order, against one server (the demo). The
 * rate-limited row comes last: it uses up its key's allowance.
 *
 * @example for (const scenario of scenarios) await runScenario(scenario, target, context);
 */
export const scenarios: readonly Scenario[] = [
  // ---- Success path --------------------------------------------------------------------------
  {
    name: 'list-datasets',
    situation: 'list the datasets of the caller’s space',
    request: { method: 'GET', path: '/v2/datasets', key: 'demo-admin-key' },
    expect: { status: 200, body: { data: arrayOf(anyDataset) }, rateLimit: 'counted' },
  },
  {
    name: 'create-dataset',
    situation: 'create a dataset',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'quarterly-sales', description: 'Sales per quarter', visibility: 'public' },
    },
    expect: {
      status: 201,
      body: dataset('quarterly-sales', 'public', 'Sales per quarter'),
      headers: { location },
      rateLimit: 'counted',
    },
  },
  {
    name: 'create-json-charset',
    situation: 'create with Content-Type application/json; charset=utf-8',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'charset-json' },
      contentType: 'application/json; charset=utf-8',
    },
    expect: {
      status: 201,
      body: dataset('charset-json'),
      headers: { location },
      rateLimit: 'counted',
    },
  },
  {
    name: 'create-json-suffix',
    situation: 'create with Content-Type application/*+json',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'suffix-json' },
      contentType: 'application/vnd.api+json',
    },
    expect: {
      status: 201,
      body: dataset('suffix-json'),
      headers: { location },
      rateLimit: 'counted',
    },
  },
  {
    name: 'get-dataset',
    situation: 'read a dataset',
    setup: [{ key: 'demo-admin-key', name: 'readable' }],
    request: ({ ids }) => ({
      method: 'GET',
      path: `/v2/datasets/${ids[0]}`,
      key: 'demo-admin-key',
    }),
    expect: { status: 200, body: dataset('readable'), rateLimit: 'counted' },
  },
  {
    name: 'get-dataset-reader',
    situation: 'demo-reader-key reads a dataset of its space',
    setup: [{ key: 'demo-admin-key', name: 'read-by-reader' }],
    request: ({ ids }) => ({
      method: 'GET',
      path: `/v2/datasets/${ids[0]}`,
      key: 'demo-reader-key',
    }),
    expect: { status: 200, body: dataset('read-by-reader'), rateLimit: 'counted' },
  },
  {
    name: 'delete-dataset',
    situation: 'delete a dataset',
    setup: [{ key: 'demo-admin-key', name: 'short-lived' }],
    request: ({ ids }) => ({
      method: 'DELETE',
      path: `/v2/datasets/${ids[0]}`,
      key: 'demo-admin-key',
    }),
    expect: { status: 204, empty: true, contentType: null, rateLimit: 'counted' },
  },
  {
    name: 'same-name-other-space',
    situation: 'a name taken in one space is free in another',
    setup: [{ key: 'demo-admin-key', name: 'shared-name' }],
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'other-space-key',
      json: { name: 'shared-name' },
    },
    expect: {
      status: 201,
      body: dataset('shared-name'),
      headers: { location },
      rateLimit: 'counted',
    },
  },
  {
    name: 'head-datasets',
    situation: 'HEAD mirrors GET without a body',
    request: { method: 'HEAD', path: '/v2/datasets', key: 'demo-admin-key' },
    expect: {
      status: 200,
      empty: true,
      contentType: 'application/json; charset=utf-8',
      rateLimit: 'counted',
    },
  },
  {
    name: 'options-collection',
    situation: 'OPTIONS on a served path',
    request: { method: 'OPTIONS', path: '/v2/datasets' },
    expect: {
      status: 204,
      empty: true,
      contentType: null,
      headers: { allow: 'GET, HEAD, POST' },
      rateLimit: 'none',
    },
  },
  {
    name: 'options-item',
    situation: 'OPTIONS on a dataset path',
    request: { method: 'OPTIONS', path: `/v2/datasets/${unknownId}` },
    expect: {
      status: 204,
      empty: true,
      contentType: null,
      headers: { allow: 'DELETE, GET, HEAD' },
      rateLimit: 'none',
    },
  },
  {
    name: 'trailing-slash',
    situation: 'a trailing slash is ignored',
    request: { method: 'GET', path: '/v2/datasets/', key: 'demo-admin-key' },
    expect: { status: 200, body: { data: arrayOf(anyDataset) }, rateLimit: 'counted' },
  },
  {
    name: 'query-string',
    situation: 'the query string never changes routing',
    request: { method: 'GET', path: '/v2/datasets?page=2', key: 'demo-admin-key' },
    expect: { status: 200, body: { data: arrayOf(anyDataset) }, rateLimit: 'counted' },
  },

  // ---- The error table -----------------------------------------------------------------------
  {
    name: 'no-credentials',
    situation: 'no Authorization',
    request: { method: 'GET', path: '/v2/datasets' },
    expect: {
      status: 401,
      problem: {
        code: 'AUTHENTICATION_REQUIRED',
        detail: 'Bearer credentials are required: send Authorization: Bearer <key>.',
      },
      headers: { 'www-authenticate': challenge },
      rateLimit: 'none',
    },
  },
  {
    name: 'not-bearer',
    situation: 'Authorization not of the Bearer scheme',
    request: {
      method: 'GET',
      path: '/v2/datasets',
      headers: { authorization: 'Basic ZGVtbzpkZW1v' },
    },
    expect: {
      status: 401,
      problem: {
        code: 'AUTHENTICATION_REQUIRED',
        detail: 'Bearer credentials are required: send Authorization: Bearer <key>.',
      },
      headers: { 'www-authenticate': challenge },
      rateLimit: 'none',
    },
  },
  {
    name: 'unknown-key',
    situation: 'unknown key',
    request: {
      method: 'GET',
      path: '/v2/datasets',
      headers: { authorization: 'Bearer no-such-key' },
    },
    expect: {
      status: 401,
      problem: {
        code: 'INVALID_CREDENTIALS',
        detail: 'The API key is invalid, expired or revoked.',
      },
      headers: { 'www-authenticate': `${challenge}, error="invalid_token"` },
      rateLimit: 'none',
    },
  },
  {
    name: 'text-body',
    situation: 'POST a body whose Content-Type is not JSON',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      body: 'name=plain',
      contentType: 'text/plain',
    },
    expect: {
      status: 415,
      problem: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Content-Type must be application/json' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'xml-body',
    situation: 'POST an XML body',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      body: '<dataset name="xml"/>',
      contentType: 'application/xml',
    },
    expect: {
      status: 415,
      problem: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Content-Type must be application/json' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'no-content-type',
    situation: 'POST a body without Content-Type',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      body: '{"name":"untyped"}',
      contentType: null,
    },
    expect: {
      status: 415,
      problem: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Content-Type must be application/json' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'malformed-json',
    situation: 'malformed JSON body',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      body: '{"name": }',
      contentType: 'application/json',
    },
    expect: {
      status: 400,
      problem: {
        code: 'VALIDATION_ERROR',
        detail: "JSON parse error: unexpected token '}' at position 9.",
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'malformed-json-no-echo',
    situation: 'malformed JSON never echoed beyond 40 characters',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      body: secretBody,
      contentType: 'application/json',
    },
    expect: {
      status: 400,
      problem: {
        code: 'VALIDATION_ERROR',
        detail: matcher(
          '"JSON parse error: …" naming the position, quoting ≤ 40 characters',
          (v) =>
            startsWith('JSON parse error:').test(v) &&
            echoesAtMost(secretBody, 40).test(v) &&
            /position \d+/.test(String(v)),
        ),
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'json-array',
    situation: 'body is JSON but not an object (an array)',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: [{ name: 'in-array' }],
    },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR', ...bodyNotObject },
      rateLimit: 'counted',
    },
  },
  {
    name: 'json-string',
    situation: 'body is JSON but not an object (a string)',
    request: { method: 'POST', path: '/v2/datasets', key: 'demo-admin-key', json: 'just-a-name' },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR', ...bodyNotObject },
      rateLimit: 'counted',
    },
  },
  {
    name: 'name-number',
    situation: 'name of the wrong type (42)',
    request: { method: 'POST', path: '/v2/datasets', key: 'demo-admin-key', json: { name: 42 } },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR', ...typeFailure('name', 'string') },
      rateLimit: 'counted',
    },
  },
  {
    name: 'name-boolean',
    situation: 'name of the wrong type (true)',
    request: { method: 'POST', path: '/v2/datasets', key: 'demo-admin-key', json: { name: true } },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR', ...typeFailure('name', 'string') },
      rateLimit: 'counted',
    },
  },
  {
    name: 'name-object',
    situation: 'name of the wrong type ({})',
    request: { method: 'POST', path: '/v2/datasets', key: 'demo-admin-key', json: { name: {} } },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR', ...typeFailure('name', 'string') },
      rateLimit: 'counted',
    },
  },
  {
    name: 'name-missing',
    situation: 'name missing',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { description: 'no name' },
    },
    expect: {
      status: 422,
      problem: {
        code: 'MISSING_REQUIRED_FIELD',
        detail: "The 'name' field is required.",
        errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'name-empty',
    situation: 'name is ""',
    request: { method: 'POST', path: '/v2/datasets', key: 'demo-admin-key', json: { name: '' } },
    expect: {
      status: 422,
      problem: {
        code: 'MISSING_REQUIRED_FIELD',
        detail: "The 'name' field must not be empty.",
        errors: [{ detail: "The 'name' field must not be empty.", pointer: '#/name' }],
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'name-too-long',
    situation: 'name over 100 characters',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: longName },
    },
    expect: {
      status: 422,
      problem: {
        code: 'INVALID_FIELD_VALUE',
        detail: "The 'name' field must be at most 100 characters long.",
        errors: [
          { detail: "The 'name' field must be at most 100 characters long.", pointer: '#/name' },
        ],
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'visibility-invalid',
    situation: 'visibility not an allowed value',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'hidden', visibility: 'secret' },
    },
    expect: {
      status: 422,
      problem: {
        code: 'INVALID_ENUM_VALUE',
        detail: "The 'visibility' field must be one of 'private', 'public'.",
        errors: [
          {
            detail: "The 'visibility' field must be one of 'private', 'public'.",
            pointer: '#/visibility',
          },
        ],
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'reader-creates',
    situation: 'demo-reader-key creates a dataset',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-reader-key',
      json: { name: 'not-allowed' },
    },
    expect: {
      status: 403,
      problem: {
        code: 'ACCESS_DENIED',
        detail: 'You do not have permission to create datasets in this space.',
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'reader-deletes',
    situation: 'demo-reader-key deletes a dataset that exists',
    setup: [{ key: 'demo-admin-key', name: 'kept-from-reader' }],
    request: ({ ids }) => ({
      method: 'DELETE',
      path: `/v2/datasets/${ids[0]}`,
      key: 'demo-reader-key',
    }),
    expect: {
      status: 403,
      problem: {
        code: 'ACCESS_DENIED',
        detail: 'You do not have permission to delete this dataset.',
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'invalid-id',
    situation: 'id that does not decode to dataset-…',
    request: { method: 'GET', path: '/v2/datasets/not-an-id', key: 'demo-admin-key' },
    expect: {
      status: 400,
      problem: { code: 'INVALID_ID', detail: "'not-an-id' is not a valid dataset ID." },
      rateLimit: 'counted',
    },
  },
  {
    name: 'invalid-id-prefix',
    situation: 'id that decodes to something else (foo-bar)',
    request: { method: 'DELETE', path: '/v2/datasets/Zm9vLWJhcg', key: 'demo-admin-key' },
    expect: {
      status: 400,
      problem: { code: 'INVALID_ID', detail: "'Zm9vLWJhcg' is not a valid dataset ID." },
      rateLimit: 'counted',
    },
  },
  {
    name: 'unknown-id',
    situation: 'well-formed id that does not exist',
    request: { method: 'GET', path: `/v2/datasets/${unknownId}`, key: 'demo-admin-key' },
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound(unknownId) },
      rateLimit: 'counted',
    },
  },
  {
    name: 'other-space-id',
    situation: 'well-formed id that lives in another space',
    setup: [{ key: 'demo-admin-key', name: 'demo-only' }],
    request: ({ ids }) => ({
      method: 'GET',
      path: `/v2/datasets/${ids[0]}`,
      key: 'other-space-key',
    }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: startsWith("Dataset with ID '") },
      rateLimit: 'counted',
    },
  },
  {
    name: 'other-space-delete',
    situation: 'delete a dataset of another space',
    setup: [{ key: 'demo-admin-key', name: 'not-yours' }],
    request: ({ ids }) => ({
      method: 'DELETE',
      path: `/v2/datasets/${ids[0]}`,
      key: 'other-space-key',
    }),
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: startsWith("Dataset with ID '") },
      rateLimit: 'counted',
    },
  },
  {
    name: 'name-taken',
    situation: 'a second dataset with a name taken in this space',
    setup: [{ key: 'demo-admin-key', name: 'taken-name' }],
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'taken-name' },
    },
    expect: {
      status: 409,
      problem: {
        code: 'RESOURCE_ALREADY_EXISTS',
        detail: "A dataset named 'taken-name' already exists in this space.",
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'no-route',
    situation: 'a path no route serves',
    request: { method: 'GET', path: '/v2/nothing-here', key: 'demo-admin-key' },
    expect: { status: 404, problem: { code: 'RESOURCE_NOT_FOUND' }, rateLimit: 'none' },
  },
  {
    name: 'case-sensitive',
    situation: 'paths are case-sensitive',
    request: { method: 'GET', path: '/V2/datasets', key: 'demo-admin-key' },
    expect: { status: 404, problem: { code: 'RESOURCE_NOT_FOUND' }, rateLimit: 'none' },
  },
  {
    name: 'method-not-allowed',
    situation: 'a path served, with a method it does not serve',
    request: { method: 'PUT', path: '/v2/datasets', key: 'demo-admin-key', json: { name: 'put' } },
    expect: {
      status: 405,
      problem: { code: 'METHOD_NOT_ALLOWED' },
      headers: { allow: 'GET, HEAD, POST' },
      rateLimit: 'none',
    },
  },
  {
    name: 'method-not-allowed-item',
    situation: 'PATCH on a dataset path',
    request: {
      method: 'PATCH',
      path: `/v2/datasets/${unknownId}`,
      key: 'demo-admin-key',
      json: { name: 'patch' },
    },
    expect: {
      status: 405,
      problem: { code: 'METHOD_NOT_ALLOWED' },
      headers: { allow: 'DELETE, GET, HEAD' },
      rateLimit: 'none',
    },
  },
  {
    name: 'crash',
    situation: 'GET /v2/_demo/crash (a handler bug)',
    request: { method: 'GET', path: '/v2/_demo/crash', key: 'demo-admin-key' },
    expect: {
      status: 500,
      problem: { detail: 'An unexpected error occurred.' },
      secret: 'hunter2',
      rateLimit: 'counted',
    },
  },
  {
    name: 'upstream',
    situation: 'GET /v2/_demo/upstream (an upstream call fails)',
    request: { method: 'GET', path: '/v2/_demo/upstream', key: 'demo-admin-key' },
    expect: { status: 502, problem: {}, secret: 'ECONNREFUSED', rateLimit: 'counted' },
  },
  {
    name: 'maintenance',
    situation: 'GET /v2/_demo/maintenance (in maintenance)',
    request: { method: 'GET', path: '/v2/_demo/maintenance', key: 'demo-admin-key' },
    expect: { status: 503, problem: {}, headers: { 'retry-after': '120' }, rateLimit: 'counted' },
  },

  ...authenticationScenarios,

  // ---- The order of the checks ---------------------------------------------------------------
  {
    name: 'order-routing-before-auth',
    situation: 'routing before authentication (405 without credentials)',
    request: { method: 'PUT', path: '/v2/datasets' },
    expect: {
      status: 405,
      problem: { code: 'METHOD_NOT_ALLOWED' },
      headers: { allow: 'GET, HEAD, POST', 'www-authenticate': absent },
      rateLimit: 'none',
    },
  },
  {
    name: 'order-not-found-before-auth',
    situation: 'routing before authentication (404 without credentials)',
    request: { method: 'GET', path: '/v2/nothing-here' },
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND' },
      headers: { 'www-authenticate': absent },
      rateLimit: 'none',
    },
  },
  {
    name: 'order-auth-before-body',
    situation: 'authentication before the body (401, not 415)',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      body: 'name=plain',
      contentType: 'text/plain',
    },
    expect: {
      status: 401,
      problem: { code: 'AUTHENTICATION_REQUIRED', detail: anyString },
      headers: { 'www-authenticate': challenge },
      rateLimit: 'none',
    },
  },
  {
    name: 'order-auth-before-id',
    situation: 'authentication before the id format (401, not 400)',
    request: { method: 'GET', path: '/v2/datasets/not-an-id' },
    expect: {
      status: 401,
      problem: { code: 'AUTHENTICATION_REQUIRED', detail: anyString },
      headers: { 'www-authenticate': challenge },
      rateLimit: 'none',
    },
  },
  {
    name: 'order-validation-before-permission',
    situation: 'validation before permission (reader sends no name: 422, not 403)',
    request: { method: 'POST', path: '/v2/datasets', key: 'demo-reader-key', json: {} },
    expect: {
      status: 422,
      problem: {
        code: 'MISSING_REQUIRED_FIELD',
        detail: "The 'name' field is required.",
        errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
      },
      rateLimit: 'counted',
    },
  },
  {
    name: 'order-existence-before-permission',
    situation: 'existence before permission (reader deletes a missing id: 404, not 403)',
    request: { method: 'DELETE', path: `/v2/datasets/${unknownId}`, key: 'demo-reader-key' },
    expect: {
      status: 404,
      problem: { code: 'RESOURCE_NOT_FOUND', detail: notFound(unknownId) },
      rateLimit: 'counted',
    },
  },
  {
    name: 'order-permission-before-conflict',
    situation: 'permission before conflict (reader reuses a taken name: 403, not 409)',
    setup: [{ key: 'demo-admin-key', name: 'reserved-name' }],
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-reader-key',
      json: { name: 'reserved-name' },
    },
    expect: {
      status: 403,
      problem: {
        code: 'ACCESS_DENIED',
        detail: 'You do not have permission to create datasets in this space.',
      },
      rateLimit: 'counted',
    },
  },

  // ---- Edges ---------------------------------------------------------------------------------
  {
    name: 'options-unknown-path',
    situation: 'OPTIONS on a path no route serves',
    request: { method: 'OPTIONS', path: '/v2/nothing-here' },
    expect: { status: 404, problem: { code: 'RESOURCE_NOT_FOUND' }, rateLimit: 'none' },
  },
  {
    name: 'undecodable-path',
    situation: 'an undecodable path segment (%FF) is the client’s fault',
    request: { method: 'GET', path: '/v2/datasets/%FF', key: 'demo-admin-key' },
    expect: { status: 400, problem: { code: clientError }, rateLimit: 'none' },
  },
  {
    name: 'undecodable-path-delete',
    situation: 'DELETE with an undecodable id (%FF)',
    request: { method: 'DELETE', path: '/v2/datasets/%FF', key: 'demo-admin-key' },
    expect: { status: 400, problem: { code: clientError }, rateLimit: 'none' },
  },
  {
    name: 'long-id',
    situation: 'an id longer than any dataset id',
    request: { method: 'GET', path: `/v2/datasets/${'A'.repeat(300)}`, key: 'demo-admin-key' },
    expect: {
      status: 400,
      problem: { code: 'INVALID_ID', detail: 'The dataset ID is not valid.' },
      rateLimit: 'counted',
    },
  },
  {
    name: 'undecodable-segment',
    situation: 'an undecodable segment (%FF) outside any parameter',
    request: { method: 'GET', path: '/v2/%FF', key: 'demo-admin-key' },
    expect: { status: [400, 404], problem: { code: clientError }, rateLimit: 'none' },
  },
  {
    name: 'unknown-charset',
    situation: 'an unknown charset is the client’s fault',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'latin' },
      contentType: 'application/json; charset=latin9',
    },
    expect: { status: 415, problem: { code: 'UNSUPPORTED_MEDIA_TYPE' }, rateLimit: 'counted' },
  },
  {
    name: 'empty-charset',
    situation: 'an empty charset is the client’s fault',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'no-charset' },
      contentType: 'application/json; charset=',
    },
    expect: { status: 415, problem: { code: 'UNSUPPORTED_MEDIA_TYPE' }, rateLimit: 'counted' },
  },
  {
    name: 'empty-json-body',
    situation: 'a JSON Content-Type with an empty body',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      body: '',
      contentType: 'application/json',
    },
    expect: { status: 400, problem: { code: 'VALIDATION_ERROR' }, rateLimit: 'counted' },
  },
  {
    name: 'body-too-large',
    situation: 'a body over 100 KiB',
    request: {
      method: 'POST',
      path: '/v2/datasets',
      key: 'demo-admin-key',
      json: { name: 'large', description: 'x'.repeat(110 * 1024) },
    },
    expect: { status: 413, problem: { code: 'PAYLOAD_TOO_LARGE' }, rateLimit: 'counted' },
  },
  {
    name: 'unknown-method',
    situation: 'an unknown method (FOO), refused by Node’s parser',
    request: { raw: 'FOO /v2/datasets HTTP/1.1\r\nHost: localhost\r\n\r\n' },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR' },
      headers: { connection: 'close' },
      rateLimit: 'none',
    },
  },
  {
    name: 'malformed-request-line',
    situation: 'a malformed request line',
    request: { raw: 'GET /v2/datasets HTTP/1.1 extra\r\nHost: localhost\r\n\r\n' },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR' },
      headers: { connection: 'close' },
      rateLimit: 'none',
    },
  },
  {
    name: 'invalid-content-length',
    situation: 'a Content-Length that is not a number',
    request: {
      raw: 'POST /v2/datasets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}',
    },
    expect: {
      status: 400,
      problem: { code: 'VALIDATION_ERROR' },
      headers: { connection: 'close' },
      rateLimit: 'none',
    },
  },
  {
    name: 'headers-too-large',
    situation: 'headers too large',
    request: {
      raw: `GET /v2/datasets HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`,
    },
    expect: {
      status: 431,
      problem: { code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', open: true },
      headers: { connection: 'close' },
      rateLimit: 'none',
    },
  },

  // ---- In production: trace ids, the XML form ------------------------------------------------
  ...productionScenarios,

  // ---- The documents the API serves ---------------------------------------------------------
  ...documentScenarios,

  // ---- Last: it uses up other-space-key's allowance ------------------------------------------
  {
    name: 'rate-limited',
    situation: 'over the rate limit',
    request: { method: 'GET', path: '/v2/datasets', key: 'other-space-key' },
    untilRateLimited: true,
    expect: {
      status: 429,
      problem: {
        code: 'RATE_LIMIT_EXCEEDED',
        detail: 'You have exceeded the allowed number of requests. Please try again later.',
      },
      headers: { 'retry-after': integerString(1), 'ratelimit-remaining': '0' },
      rateLimit: 'counted',
    },
  },
];

/** Whether a row is sent as raw bytes (what Node's parser refuses). */
export function isRawScenario(
  scenario: Scenario,
): scenario is Scenario & { request: { raw: string } } {
  return typeof scenario.request === 'object' && 'raw' in scenario.request;
}
