import type { RunningApp } from './apps/app-setup';
import { capturingLogger } from './capture-logger';
import { FRAMEWORK_HEADERS } from './framework-headers';
import type { Framework } from './frameworks';
import { send } from './http-client';
import { describeCall, type LogRecord } from './log-records';
import { FRESH_TRACE_ID, type Scenario } from './scenario';

/** What one adapter did with one scenario. */
export type Observation =
  | {
      readonly kind: 'answer';
      readonly status: number;
      /** `[lower-case name, value]`, sorted, without `FRAMEWORK_HEADERS`. */
      readonly headers: readonly (readonly [string, string])[];
      readonly body: string;
      /** Every log call made while the request was served, in order. */
      readonly logs: readonly LogRecord[];
    }
  | { readonly kind: 'startup-error'; readonly name: string; readonly message: string }
  | { readonly kind: 'no-answer'; readonly error: string };

function errorParts(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.constructor.name, message: error.message }
    : { name: typeof error, message: String(error) };
}

export function comparableHeaders(
  raw: readonly (readonly [string, string])[],
): readonly (readonly [string, string])[] {
  return raw
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !(name in FRAMEWORK_HEADERS))
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
}

const randomTraceId = /^[0-9a-f]{32}$/;

/** The body and log records with the scenario's fresh trace id read as `FRESH_TRACE_ID`. */
function withFreshTraceId(
  member: string | undefined,
  body: string,
  logs: readonly LogRecord[],
): { body: string; logs: readonly LogRecord[] } {
  if (member === undefined) return { body, logs };
  const quoted = JSON.stringify(member);
  return {
    // Member names are letters, digits and `_`: nothing to escape.
    body: body.replace(
      new RegExp(`${quoted}:"[0-9a-f]{32}"`),
      `${quoted}:${JSON.stringify(FRESH_TRACE_ID)}`,
    ),
    logs: logs.map((record) => {
      const value = record.fields[member];
      return typeof value === 'string' && randomTraceId.test(value)
        ? { ...record, fields: { ...record.fields, [member]: FRESH_TRACE_ID } }
        : record;
    }),
  };
}

/**
 * Builds the scenario's app on one framework, sends its request over real HTTP, and closes the
 * app. The log records are read once the server has closed, so every record the request caused
 * is in, however slow the machine: nothing here waits for time.
 */
export async function observe(framework: Framework, scenario: Scenario): Promise<Observation> {
  const capture = capturingLogger();
  const thrown: unknown[] = [];
  let app: RunningApp;
  try {
    const options = scenario.options?.() ?? {};
    app = await framework.start({ scenario, options, logger: capture.logger, thrown });
  } catch (error) {
    return { kind: 'startup-error', ...errorParts(error) };
  }
  // Start-up lines ("Server listening at ...") are not the request's.
  capture.clear();
  let outcome: Awaited<ReturnType<typeof send>> | { failure: unknown };
  try {
    capture.setThrowing(scenario.logger === 'throwing');
    outcome = await send(app.port, scenario.request);
  } catch (failure) {
    outcome = { failure };
  } finally {
    capture.setThrowing(false);
    await app.close();
  }
  if ('failure' in outcome)
    return { kind: 'no-answer', error: errorParts(outcome.failure).message };
  const { body, logs } = withFreshTraceId(
    scenario.freshTraceId,
    outcome.body,
    capture.calls.map((call) => describeCall(call, thrown)),
  );
  return {
    kind: 'answer',
    status: outcome.status,
    headers: comparableHeaders(outcome.rawHeaders),
    body,
    logs,
  };
}
