import type { RunningApp } from './apps/app-setup';
import { capturingLogger } from './capture-logger';
import { FRAMEWORK_HEADERS } from './framework-headers';
import type { Framework } from './frameworks';
import { send } from './http-client';
import { describeCall, type LogRecord } from './log-records';
import type { Scenario } from './scenario';

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
  return {
    kind: 'answer',
    status: outcome.status,
    headers: comparableHeaders(outcome.rawHeaders),
    body: outcome.body,
    logs: capture.calls.map((call) => describeCall(call, thrown)),
  };
}
