import type { Scenario, ScenarioRequest } from './scenario.js';

const challenge = 'Bearer realm="datasets"';
const unknownId = 'ZGF0YXNldC10ZXN0'; // dataset-test

/** One request to each `/v2` route, as it would be sent with a key. */
const routes: readonly (Omit<ScenarioRequest, 'key'> & { readonly label: string })[] = [
  { label: 'create', method: 'POST', path: '/v2/datasets', json: { name: 'no-key' } },
  { label: 'read', method: 'GET', path: `/v2/datasets/${unknownId}` },
  { label: 'delete', method: 'DELETE', path: `/v2/datasets/${unknownId}` },
  { label: 'crash', method: 'GET', path: '/v2/_demo/crash' },
  { label: 'upstream', method: 'GET', path: '/v2/_demo/upstream' },
  { label: 'maintenance', method: 'GET', path: '/v2/_demo/maintenance' },
];

/**
 * Every `/v2` route asks for credentials before anything else: without them 401
 * AUTHENTICATION_REQUIRED, with an unknown key 401 INVALID_CREDENTIALS (the list route has its
 * rows in the error table).
 */
export const authenticationScenarios: readonly Scenario[] = routes.flatMap(
  ({ label, ...request }): Scenario[] => [
    {
      name: `no-credentials-${label}`,
      situation: `no Authorization: ${request.method} ${request.path.replace(unknownId, '<id>')}`,
      request,
      expect: {
        status: 401,
        problem: { code: 'AUTHENTICATION_REQUIRED' },
        headers: { 'www-authenticate': challenge },
        rateLimit: 'none',
      },
    },
    {
      name: `unknown-key-${label}`,
      situation: `unknown key: ${request.method} ${request.path.replace(unknownId, '<id>')}`,
      request: { ...request, headers: { authorization: 'Bearer no-such-key' } },
      expect: {
        status: 401,
        problem: { code: 'INVALID_CREDENTIALS' },
        headers: { 'www-authenticate': `${challenge}, error="invalid_token"` },
        rateLimit: 'none',
      },
    },
  ],
);
