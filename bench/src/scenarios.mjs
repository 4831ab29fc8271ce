/**
 * The requests measured. Every contender that takes part in a scenario receives exactly this
 * request; `expect` is what a problem-details answer looks like (a framework default may differ,
 * and the report shows what each contender actually answered).
 */
export const scenarios = [
  {
    id: 'thrown-404',
    title: "Thrown ProblemError('RESOURCE_NOT_FOUND')",
    method: 'GET',
    path: '/items/42',
    expect: 404,
  },
  {
    id: 'problem-404',
    title: "404 answered without throwing: reply.problem() / res.problem('RESOURCE_NOT_FOUND')",
    method: 'GET',
    path: '/lookup/42',
    expect: 404,
  },
  {
    id: 'unmatched-path',
    title: 'Unmatched path',
    method: 'GET',
    path: '/nothing/here',
    expect: 404,
  },
  {
    id: 'unmatched-method',
    title: 'Unmatched method (DELETE on a GET/POST route)',
    method: 'DELETE',
    path: '/items',
    expect: 405,
  },
  {
    id: 'malformed-json',
    title: 'Malformed JSON body',
    method: 'POST',
    path: '/items',
    headers: { 'content-type': 'application/json' },
    body: '{"name": }',
    expect: 400,
  },
  {
    id: 'validation',
    title: 'Schema validation failure (missing required field)',
    method: 'POST',
    path: '/items',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    expect: 422,
  },
  {
    id: 'unexpected-500',
    title: 'Unexpected Error (500, logged to a null sink)',
    method: 'GET',
    path: '/boom',
    expect: 500,
  },
  {
    id: 'success-get',
    title: 'Success: GET 200 JSON',
    method: 'GET',
    path: '/items',
    expect: 200,
  },
  {
    id: 'success-post',
    title: 'Success: POST a valid JSON body, 201 JSON',
    method: 'POST',
    path: '/items',
    headers: { 'content-type': 'application/json' },
    body: '{"name":"widget"}',
    expect: 201,
  },
];

/** The scenarios of `--quick`: the headline error paths and the success path. */
export const quickScenarioIds = [
  'thrown-404',
  'problem-404',
  'unmatched-path',
  'unmatched-method',
  'success-get',
];
