import {
  absent,
  anyString,
  differences,
  type Expected,
  integerString,
  optional,
  traceId,
  varyNaming,
} from './matchers.js';
import { problemSchemaErrors } from './problem-schema.js';
import { contractProblemTypes } from './problem-types.js';
import { PROBLEM_XML_NAMESPACE, readProblemXml } from './problem-xml.js';
import type { ContractContext, Expectation, Scenario } from './scenario.js';
import { isRawScenario } from './scenarios.js';
import type { WireResponse } from './wire.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_XML_CONTENT_TYPE = 'application/problem+xml';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Headers that tell about the rate limit; only the three draft-6 fields (and Retry-After on a 429) may be sent. */
const foreignLimitHeaders = [
  'ratelimit',
  'ratelimit-policy',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

/** Headers that only some answers may carry: absent unless the row expects them. */
const guardedHeaders = ['www-authenticate', 'allow', 'retry-after', 'location'];

/** The problem document a row expects, with title and type from the contract's table. */
export function expectedProblem(
  expect: Expectation,
  context: ContractContext,
  status: number,
): Expected {
  const problem = expect.problem ?? {};
  const known = contractProblemTypes[status];
  const body: Record<string, Expected> = {
    status,
    title:
      problem.title ?? (problem.open === true || known === undefined ? anyString : known.title),
    type:
      problem.open === true || known === undefined
        ? anyString
        : `${context.typeBase}#${known.slug}`,
    detail: problem.detail ?? optional(anyString),
    // The contract leaves `instance` to the adapters' configuration.
    instance: optional(anyString),
    error_code: status >= 500 ? absent : (problem.code ?? anyString),
    errors: problem.errors ?? absent,
    trace_id: problem.traceId ?? traceId,
  };
  return body;
}

function expectedContentType(expect: Expectation): string | null {
  if (expect.contentType !== undefined) return expect.contentType;
  if (expect.problem === undefined) return JSON_CONTENT_TYPE;
  return expect.xml === true ? PROBLEM_XML_CONTENT_TYPE : PROBLEM_CONTENT_TYPE;
}

function expectedHeaders(scenario: Scenario, context: ContractContext): Record<string, Expected> {
  const { expect } = scenario;
  const headers: Record<string, Expected> = {};
  for (const name of [...guardedHeaders, ...foreignLimitHeaders]) headers[name] = absent;
  if (expect.rateLimit === 'counted') {
    headers['ratelimit-limit'] = String(context.rateLimitMax);
    headers['ratelimit-remaining'] = integerString(0, context.rateLimitMax);
    headers['ratelimit-reset'] = integerString(0, context.rateLimitWindowS);
  } else {
    headers['ratelimit-limit'] = absent;
    headers['ratelimit-remaining'] = absent;
    headers['ratelimit-reset'] = absent;
  }
  if (expect.problem !== undefined) {
    headers['x-content-type-options'] = 'nosniff';
    // No proxy or browser keeps a failure; the form (JSON or XML) follows the Accept header.
    headers['cache-control'] = 'no-store';
    // What Node's parser refuses is answered before any header is read: nothing to vary on.
    // The language follows Accept-Language: English unless the row asks for another.
    const vary = varyNaming('Accept', 'Accept-Language');
    headers.vary = isRawScenario(scenario) ? optional(vary) : vary;
    headers['content-language'] = isRawScenario(scenario) ? optional('en') : 'en';
  }
  Object.assign(headers, expect.headers);
  return headers;
}

/** Every way an `application/problem+xml` body differs from the problem its row expects. */
function xmlProblemDifferences(
  expect: Expectation,
  context: ContractContext,
  status: number,
  text: string,
): string[] {
  let read: ReturnType<typeof readProblemXml>;
  try {
    read = readProblemXml(text);
  } catch {
    return [`body: expected XML, got ${JSON.stringify(text.slice(0, 80))}`];
  }
  return [
    ...differences('problem', read.root, 'body root element'),
    ...differences(PROBLEM_XML_NAMESPACE, read.namespace, 'body namespace'),
    ...differences(expectedProblem(expect, context, status), read.problem, 'body'),
    ...problemSchemaErrors(read.problem),
  ];
}

/**
 * Every way a response breaks its row; empty when the row holds. Checks the status, the
 * Content-Type, every body member (a problem body also against the problem document schema, an
 * XML one read back into its JSON form first), `Cache-Control: no-store`, `Vary: Accept,
 * Accept-Language` and `Content-Language` on every problem, the headers the row names, the rate-limit headers, and that headers reserved for other answers
 * are absent.
 *
 * @example expect(verify(scenario, response, context)).toEqual([]);
 */
export function verify(
  scenario: Scenario,
  response: WireResponse,
  context: ContractContext,
): string[] {
  const { expect } = scenario;
  const found: string[] = [];
  const statuses = typeof expect.status === 'number' ? [expect.status] : expect.status;
  const status = statuses.includes(response.status) ? response.status : statuses[0]!;
  if (status !== response.status) {
    found.push(`status: expected ${statuses.join(' or ')}, got ${response.status}`);
  }

  const contentType = expectedContentType(expect);
  found.push(
    ...differences(
      contentType === null ? absent : contentType,
      response.headers['content-type'],
      'content-type',
    ),
  );

  if (expect.empty === true) {
    if (response.text !== '')
      found.push(`body: expected none, got ${JSON.stringify(response.text.slice(0, 80))}`);
  } else if (expect.text !== undefined) {
    found.push(...differences(expect.text, response.text, 'body'));
  } else if (expect.xml === true) {
    found.push(...xmlProblemDifferences(expect, context, status, response.text));
  } else {
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      found.push(`body: expected JSON, got ${JSON.stringify(response.text.slice(0, 80))}`);
    }
    if (body !== undefined) {
      if (expect.problem !== undefined) {
        found.push(...differences(expectedProblem(expect, context, status), body, 'body'));
        found.push(...problemSchemaErrors(body));
      } else if (expect.body !== undefined) {
        found.push(...differences(expect.body, body, 'body'));
      }
    }
  }
  if (expect.secret !== undefined && response.text.includes(expect.secret)) {
    found.push(`body: holds the server's secret ${JSON.stringify(expect.secret)}`);
  }

  for (const [name, expected] of Object.entries(expectedHeaders(scenario, context))) {
    found.push(...differences(expected, response.headers[name], `header ${name}`));
  }
  return found;
}
