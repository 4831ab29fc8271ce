/**
 * The request mix of the soak: every situation of the Datasets contract's error table, and the
 * success path, each with the statuses it may answer.
 */
const json = { 'content-type': 'application/json' };
const admin = { authorization: 'Bearer demo-admin-key' };
const reader = { authorization: 'Bearer demo-reader-key' };
/** @param {string} existingId a dataset created before the run */
export const soakRequests = (existingId) => [
  { name: 'list', method: 'GET', path: '/v2/datasets', headers: admin, expect: [200, 429] },
  {
    name: 'read',
    method: 'GET',
    path: `/v2/datasets/${existingId}`,
    headers: admin,
    expect: [200, 429],
  },
  { name: 'no credentials', method: 'GET', path: '/v2/datasets', expect: [401] },
  {
    name: 'unknown key',
    method: 'GET',
    path: '/v2/datasets',
    headers: { authorization: 'Bearer nope' },
    expect: [401],
  },
  {
    name: 'text body',
    method: 'POST',
    path: '/v2/datasets',
    headers: { ...admin, 'content-type': 'text/plain' },
    body: 'name=x',
    expect: [415, 429],
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/v2/datasets',
    headers: { ...admin, ...json },
    body: '{"name": }',
    expect: [400, 429],
  },
  {
    name: 'wrong type',
    method: 'POST',
    path: '/v2/datasets',
    headers: { ...admin, ...json },
    body: '{"name": 42}',
    expect: [400, 429],
  },
  {
    name: 'missing name',
    method: 'POST',
    path: '/v2/datasets',
    headers: { ...admin, ...json },
    body: '{}',
    expect: [422, 429],
  },
  {
    name: 'bad visibility',
    method: 'POST',
    path: '/v2/datasets',
    headers: { ...admin, ...json },
    body: '{"name":"a","visibility":"x"}',
    expect: [422, 429],
  },
  {
    name: 'taken name',
    method: 'POST',
    path: '/v2/datasets',
    headers: { ...admin, ...json },
    body: '{"name":"soak"}',
    expect: [409, 429],
  },
  {
    name: 'reader creates',
    method: 'POST',
    path: '/v2/datasets',
    headers: { ...reader, ...json },
    body: '{"name":"r"}',
    expect: [403, 429],
  },
  { name: 'bad id', method: 'GET', path: '/v2/datasets/%%%', headers: admin, expect: [400, 429] },
  {
    name: 'invalid id',
    method: 'GET',
    path: '/v2/datasets/bm90LWEtZGF0YXNldA',
    headers: admin,
    expect: [400, 429],
  },
  {
    name: 'unknown id',
    method: 'GET',
    path: '/v2/datasets/ZGF0YXNldC1ub25l',
    headers: admin,
    expect: [404, 429],
  },
  { name: 'unknown path', method: 'GET', path: '/nope', expect: [404] },
  { name: 'unknown method', method: 'PUT', path: '/v2/datasets', headers: admin, expect: [405] },
  { name: 'crash', method: 'GET', path: '/v2/_demo/crash', headers: admin, expect: [500, 429] },
  {
    name: 'upstream',
    method: 'GET',
    path: '/v2/_demo/upstream',
    headers: admin,
    expect: [502, 429],
  },
  {
    name: 'maintenance',
    method: 'GET',
    path: '/v2/_demo/maintenance',
    headers: admin,
    expect: [503, 429],
  },
];
