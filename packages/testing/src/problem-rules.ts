import type { Registry } from '@faultline/core';
import { isProblemMediaType, PROBLEM_MEDIA_TYPE } from './media-type.js';
import type { ReceivedResponse } from './received-response.js';

/** What the rules found: the problem (the body, when it is a JSON object) and each rule broken. */
export interface Inspection {
  readonly problem: Readonly<Record<string, unknown>> | undefined;
  readonly broken: readonly string[];
}

const optionalTextMembers = ['type', 'detail', 'instance', 'error_code'] as const;

// RFC 9110: delay-seconds, or an IMF-fixdate (the only HTTP-date form a sender may generate).
const delaySeconds = /^\d+$/;
const imfFixdate =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
// RFC 9110 §10.2.1: a list of method tokens, possibly empty.
const methodList = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*)?\s*$/;

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function shown(value: unknown): string {
  return `${JSON.stringify(value) ?? String(value)} (${kind(value)})`;
}

function memberRules(problem: Readonly<Record<string, unknown>>, broken: string[]): void {
  const { status, title } = problem;
  if (status === undefined) broken.push('the body has no "status" member');
  else if (!Number.isInteger(status)) broken.push(`"status" is ${shown(status)}, not an integer`);
  if (title === undefined) broken.push('the body has no "title" member');
  else if (typeof title !== 'string') broken.push(`"title" is ${shown(title)}, not a string`);
  for (const name of optionalTextMembers) {
    const value = problem[name];
    if (value !== undefined && typeof value !== 'string') {
      broken.push(`"${name}" is ${shown(value)}, not a string`);
    }
  }
}

function headerRules(response: ReceivedResponse, broken: string[]): void {
  const { status } = response;
  if (status === 429) {
    const retryAfter = response.header('retry-after');
    if (retryAfter === undefined) broken.push('a 429 has no Retry-After header');
    else if (!delaySeconds.test(retryAfter.trim()) && !imfFixdate.test(retryAfter.trim())) {
      broken.push(
        `Retry-After is ${JSON.stringify(retryAfter)}, neither a number of seconds nor an HTTP-date`,
      );
    }
  }
  if (status === 405) {
    const allow = response.header('allow');
    if (allow === undefined) broken.push('a 405 has no Allow header');
    else if (!methodList.test(allow)) {
      broken.push(`Allow is ${JSON.stringify(allow)}, not a comma-separated list of methods`);
    }
  }
}

function codeRules(
  response: ReceivedResponse,
  code: unknown,
  registry: Registry | undefined,
  broken: string[],
): void {
  if (code === undefined) return;
  if (response.status >= 500) {
    broken.push(
      `a ${response.status} carries "error_code" ${JSON.stringify(code)}; a 5xx never does`,
    );
    return;
  }
  if (registry === undefined || typeof code !== 'string') return;
  const known = registry.has(code) ? registry.byCode(code) : undefined;
  if (known === undefined) {
    broken.push(`"error_code" ${JSON.stringify(code)} is not a code of the registry`);
  } else if (known.status !== response.status) {
    broken.push(
      `"error_code" ${JSON.stringify(code)} answers with ${known.status} in the registry, not ${response.status}`,
    );
  }
}

/**
 * Every rule of a problem response the response breaks: an error status, the media type, a JSON
 * object body with RFC 9457's members of the right types, `status` equal to the wire's, no
 * `error_code` on a 5xx, `Retry-After` on a 429, `Allow` on a 405, and (given a registry) an
 * `error_code` of the registry with the status it gives that code.
 */
export function inspect(response: ReceivedResponse, registry: Registry | undefined): Inspection {
  const broken: string[] = [];
  const { status, body } = response;
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    broken.push(`the status is ${status}, not an error status (400 to 599)`);
  }
  const contentType = response.header('content-type');
  if (contentType === undefined) broken.push(`no Content-Type header: want ${PROBLEM_MEDIA_TYPE}`);
  else if (!isProblemMediaType(contentType)) {
    broken.push(`Content-Type is ${JSON.stringify(contentType)}, not ${PROBLEM_MEDIA_TYPE}`);
  }
  let problem: Readonly<Record<string, unknown>> | undefined;
  if (!body.parsed) broken.push(body.reason);
  else if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    broken.push(`the body is ${kind(body.value)}, not a JSON object`);
  } else {
    problem = body.value as Readonly<Record<string, unknown>>;
    memberRules(problem, broken);
    if (Number.isInteger(problem.status) && problem.status !== status) {
      broken.push(`"status" is ${String(problem.status)} in the body but ${status} on the wire`);
    }
    codeRules(response, problem.error_code, registry, broken);
  }
  headerRules(response, broken);
  return { problem, broken };
}
