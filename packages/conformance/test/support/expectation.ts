import { SUBJECT_PATH } from './apps/app-setup';
import type { Observation } from './observe';
import { readProblemXml } from './problem-xml-reader';
import {
  type AnswerExpectation,
  isStartupExpectation,
  type LogLevel,
  type Scenario,
  type ScenarioOptions,
  type StartupExpectation,
} from './scenario';

/** What was observed and what was expected, in the same shape, for one `toEqual`. */
export interface Check {
  readonly actual: Readonly<Record<string, unknown>>;
  readonly expected: Readonly<Record<string, unknown>>;
}

function optionsOf(scenario: Scenario): ScenarioOptions {
  try {
    return scenario.options?.() ?? {};
  } catch {
    // Start-up failed on this row: the answer check says so.
    return {};
  }
}

function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/** Whether the request reaches the scenario's hook or handler, which then throw. */
function reachesThrow(scenario: Scenario): boolean {
  const { method, path } = scenario.request;
  return (
    (scenario.hook !== undefined || scenario.handler !== undefined) &&
    method === 'GET' &&
    pathOf(path) === SUBJECT_PATH
  );
}

/**
 * The log policy: one record per answered failure, at `info` for a 4xx and `error` for a 5xx
 * unless `logLevel4xx` / `logLevel5xx` say otherwise ('silent': none), with the fields
 * `{ err, status, method, url }` plus `error_code` on a 4xx (`url` without the query), and the
 * message "<METHOD> <url> answered <status>" (4xx) or "<METHOD> <url> failed with <status>" (5xx).
 */
function expectedLogs(scenario: Scenario, expectation: AnswerExpectation): unknown[] {
  const { status, errorCode } = expectation;
  const options = optionsOf(scenario);
  const level: LogLevel | 'silent' =
    (status >= 500 ? options.logLevel5xx : options.logLevel4xx) ??
    (status >= 500 ? 'error' : 'info');
  const { method } = scenario.request;
  const url = pathOf(scenario.request.path);
  const records: unknown[] = [];
  if (level !== 'silent') {
    records.push({
      level,
      msg: `${method} ${url} ${status >= 500 ? 'failed with' : 'answered'} ${status}`,
      fields: {
        status,
        method,
        url,
        ...(status < 500 ? { error_code: errorCode } : {}),
        ...expectation.logFields,
      },
      err:
        expectation.loggedError ??
        (reachesThrow(scenario) ? 'the thrown value' : expect.anything()),
    });
  }
  const logs = expectation.logs;
  if (typeof logs === 'object') {
    for (const message of logs.extraErrors) {
      records.push({
        level: 'error',
        msg: expect.any(String),
        fields: expect.anything(),
        err: { message },
      });
    }
  }
  return records;
}

function headerValue(observation: Observation & { kind: 'answer' }, name: string) {
  const values = observation.headers.filter(([key]) => key === name).map(([, value]) => value);
  return values.length === 0 ? undefined : values.join(', ');
}

const XML = 'application/problem+xml';
/** Appendix B's root element and namespace. */
const xmlRoot = { root: 'problem', namespace: 'urn:ietf:rfc:7807' };

function parseBody(text: string, asXml: boolean): Record<string, unknown> {
  try {
    const parsed: unknown = asXml ? readProblemXml(text).problem : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
  } catch {
    // Shown as it is below.
  }
  return { notAJsonObject: text };
}

function checkAnswer(observation: Observation, scenario: Scenario, e: AnswerExpectation): Check {
  const checksLogs = e.logs !== 'unchecked';
  const logs = checksLogs ? expectedLogs(scenario, e) : [];
  const asXml = e.contentType === XML;
  const expected = {
    status: e.status,
    contentType: e.contentType ?? 'application/problem+json',
    ...(asXml ? { xmlRoot } : {}),
    nosniff: 'nosniff',
    // No problem is stored by a cache, unless the scenario's application chose its own caching.
    cacheControl: e.headers?.['cache-control'] ?? 'no-store',
    body: expect.objectContaining({ status: e.status, ...e.body }),
    errorCode: e.errorCode,
    membersThatShouldBeAbsent: [],
    headers: e.headers ?? {},
    headersThatShouldBeAbsent: [],
    ...(checksLogs ? { logs: expect.arrayContaining(logs), logCount: logs.length } : {}),
  };
  if (observation.kind !== 'answer') return { actual: { ...observation }, expected };
  const body = parseBody(observation.body, asXml);
  const actual = {
    status: observation.status,
    contentType: headerValue(observation, 'content-type'),
    ...(asXml ? { xmlRoot: rootOf(observation.body) } : {}),
    nosniff: headerValue(observation, 'x-content-type-options'),
    cacheControl: headerValue(observation, 'cache-control'),
    body,
    errorCode: body.error_code,
    membersThatShouldBeAbsent: (e.absentMembers ?? []).filter((name) => name in body),
    headers: Object.fromEntries(
      Object.keys(e.headers ?? {}).map((name) => [name, headerValue(observation, name)]),
    ),
    headersThatShouldBeAbsent: (e.absentHeaders ?? []).filter(
      (name) => headerValue(observation, name) !== undefined,
    ),
    ...(checksLogs ? { logs: observation.logs, logCount: observation.logs.length } : {}),
  };
  return { actual, expected };
}

function rootOf(text: string): unknown {
  try {
    const { root, namespace } = readProblemXml(text);
    return { root, namespace };
  } catch (error) {
    return `not XML: ${String(error)}`;
  }
}

function checkStartup(observation: Observation, e: StartupExpectation): Check {
  const { name, mentions } = e.startupError;
  const expected = { startupError: { name, mentions } };
  if (observation.kind !== 'startup-error') {
    const outcome =
      observation.kind === 'answer' ? `started, and answered ${observation.status}` : 'started';
    return { actual: { startupError: `none: the app ${outcome}` }, expected };
  }
  const named = observation.message.includes(mentions);
  return {
    actual: {
      startupError: {
        name: observation.name,
        mentions: named ? mentions : `not named in: ${observation.message}`,
      },
    },
    expected,
  };
}

/** The scenario's expectation of one adapter's observation. */
export function check(observation: Observation, scenario: Scenario): Check {
  const e = scenario.expect;
  return isStartupExpectation(e)
    ? checkStartup(observation, e)
    : checkAnswer(observation, scenario, e);
}
