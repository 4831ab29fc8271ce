/**
 * Sends a scenario's request once and describes the answer: what a contender really does with
 * the request (framework defaults answer 404 where a 405 is due, HTML where JSON is due).
 *
 * @example const answer = await probe(port, scenario); // { status: 404, type: 'application/problem+json', … }
 */
export async function probe(port, scenario) {
  const response = await fetch(`http://127.0.0.1:${port}${scenario.path}`, {
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
  });
  const body = await response.text();
  const type = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
  return {
    status: response.status,
    type,
    allow: response.headers.get('allow') ?? undefined,
    closes: response.headers.get('connection') === 'close',
    body: body.length > 400 ? `${body.slice(0, 399)}…` : body,
  };
}

/** A short label for the report: `404 problem+json`, `405 problem+json, Allow: GET, HEAD, POST`. */
export function describeAnswer(answer) {
  const type = answer.type.replace(/^application\//, '').replace(/^text\//, 'text/') || 'no type';
  let text = `${answer.status} ${type}`;
  if (answer.allow !== undefined) text += `, Allow: ${answer.allow}`;
  if (answer.closes) text += ', closes connection';
  return text;
}
