import type { Registry } from '@faultline/core';
import { configuredRegistry, isRegistry } from './configuration.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import type { ProblemExpectation } from './problem-matchers.js';
import { type Inspection, inspect } from './problem-rules.js';
import { type ReceivedResponse, readResponse } from './received-response.js';

/**
 * The matcher functions, to hand to `expect.extend()`. (A type alias, not an interface, so that
 * it fits the runners' `Record<string, matcher>` parameter.)
 */
export type ProblemMatcherFunctions = {
  toBeProblem(
    this: MatcherContext,
    received: unknown,
    status: number,
    code?: string,
  ): MatcherResult | Promise<MatcherResult>;
  toMatchProblem(
    this: MatcherContext,
    received: unknown,
    expected: ProblemExpectation,
  ): MatcherResult | Promise<MatcherResult>;
};

type Members = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Members {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** What the runners print for a mistake in the matcher's own use, not in the response. */
function matcherError(hint: string, text: string): Error {
  return new Error(`${hint}\n\nMatcher error: ${text}`);
}

/** Runs `check` on the response: at once, or once a fetch body is read. */
function withResponse(
  hint: string,
  received: unknown,
  check: (response: ReceivedResponse) => MatcherResult,
): MatcherResult | Promise<MatcherResult> {
  const reading = readResponse(received);
  if ('reason' in reading) {
    throw matcherError(
      hint,
      `the received value must be a response of supertest, Fastify inject, fetch or axios: ${reading.reason}`,
    );
  }
  const { response } = reading;
  return response instanceof Promise ? response.then(check) : check(response);
}

function brokenSection(inspection: Inspection): string {
  if (inspection.broken.length === 0) return '';
  return `\n\nRules broken:\n${inspection.broken.map((rule) => `  - ${rule}`).join('\n')}`;
}

function bodySection(context: MatcherContext, response: ReceivedResponse): string {
  return response.body.parsed
    ? `\n\nReceived body: ${context.utils.printReceived(response.body.value)}`
    : '';
}

function diffSection(context: MatcherContext, expected: unknown, received: unknown): string {
  const difference = context.utils.diff(expected, received);
  return difference ? `\n\n${difference}` : '';
}

function describeProblem(status: number, code: unknown): string {
  return `a ${status} problem${code === undefined ? '' : ` with error_code ${JSON.stringify(code)}`}`;
}

function testers(context: MatcherContext): unknown[] {
  return [
    ...(context.customTesters ?? []),
    context.utils.iterableEquality,
    context.utils.subsetEquality,
  ];
}

/**
 * The received members the expectation names, recursively, with those that already match taken
 * from the expectation: the diff then shows only what differs, asymmetric matchers included.
 */
function subsetFor(context: MatcherContext, received: unknown, expected: unknown): unknown {
  if (!isPlainObject(received) || !isPlainObject(expected)) return received;
  const subset: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(expected)) {
    if (!Object.hasOwn(received, name)) continue;
    subset[name] = context.equals(received[name], value, testers(context))
      ? value
      : subsetFor(context, received[name], value);
  }
  return subset;
}

function assertStatusArgument(hint: string, status: unknown, code: unknown): void {
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
    throw matcherError(
      hint,
      `the expected status must be an integer from 400 to 599; got ${String(status)}`,
    );
  }
  if (code !== undefined && typeof code !== 'string') {
    throw matcherError(hint, `the expected code must be a string; got ${typeof code}`);
  }
  if (code !== undefined && status >= 500) {
    throw matcherError(
      hint,
      `a ${status} problem never carries an error_code: leave out ${JSON.stringify(code)}`,
    );
  }
}

function toBeProblemResult(
  context: MatcherContext,
  hint: string,
  response: ReceivedResponse,
  status: number,
  code: string | undefined,
  registry: Registry | undefined,
): MatcherResult {
  const inspection = inspect(response, registry);
  const receivedCode = inspection.problem?.error_code;
  const sameStatus = response.status === status;
  const sameCode = code === undefined || receivedCode === code;
  const pass = inspection.broken.length === 0 && sameStatus && sameCode;
  const expectedText = describeProblem(status, code);
  const message = () => {
    if (pass) {
      return `${hint}\n\nExpected: not ${expectedText}\nReceived: ${expectedText}${bodySection(context, response)}`;
    }
    const receivedText = `a ${response.status} response${
      receivedCode === undefined ? '' : ` with error_code ${JSON.stringify(receivedCode)}`
    }`;
    const difference =
      sameStatus && sameCode
        ? ''
        : diffSection(
            context,
            code === undefined ? { status } : { status, error_code: code },
            code === undefined
              ? { status: response.status }
              : { status: response.status, error_code: receivedCode },
          );
    return `${hint}\n\nExpected: ${expectedText}\nReceived: ${receivedText}${brokenSection(inspection)}${difference}${bodySection(context, response)}`;
  };
  return { pass, message };
}

function toMatchProblemResult(
  context: MatcherContext,
  hint: string,
  response: ReceivedResponse,
  expected: ProblemExpectation,
  registry: Registry | undefined,
): MatcherResult {
  const inspection = inspect(response, registry);
  const { problem } = inspection;
  const matches = problem !== undefined && context.equals(problem, expected, testers(context));
  const pass = inspection.broken.length === 0 && matches;
  const message = () => {
    if (pass) {
      return `${hint}\n\nExpected the problem not to match: ${context.utils.printExpected(expected)}${bodySection(context, response)}`;
    }
    const difference =
      problem === undefined || matches
        ? ''
        : diffSection(context, expected, subsetFor(context, problem, expected));
    return `${hint}${brokenSection(inspection)}${difference}${bodySection(context, response)}`;
  };
  return { pass, message };
}

/**
 * The matchers, checking codes against `registry`, or (without one) against the registry given
 * to `configure()` when they run. `@faultline/testing/jest` and `/vitest` register the latter;
 * call this to register matchers of your own registry with `expect.extend()`.
 *
 * @example
 * import { problemMatchers } from '@faultline/testing';
 * import { registry } from '../src/problems';
 *
 * expect.extend(problemMatchers(registry));
 */
export function problemMatchers(registry?: Registry): ProblemMatcherFunctions {
  if (registry !== undefined && !isRegistry(registry)) {
    throw new TypeError(
      '@faultline/testing: problemMatchers() takes a registry from defineProblems() (or defaultRegistry)',
    );
  }
  const registryNow = () => registry ?? configuredRegistry();
  return {
    toBeProblem(received, status, code) {
      const options = { isNot: this.isNot === true, promise: this.promise ?? '' };
      const hint = this.utils.matcherHint(
        'toBeProblem',
        'response',
        code === undefined ? 'status' : 'status, code',
        options,
      );
      assertStatusArgument(hint, status, code);
      return withResponse(hint, received, (response) =>
        toBeProblemResult(this, hint, response, status, code, registryNow()),
      );
    },
    toMatchProblem(received, expected) {
      const options = { isNot: this.isNot === true, promise: this.promise ?? '' };
      const hint = this.utils.matcherHint('toMatchProblem', 'response', 'expected', options);
      if (!isPlainObject(expected)) {
        throw matcherError(
          hint,
          `the expected problem must be an object of members, such as { status: 404 }; got ${this.utils.printExpected(expected)}`,
        );
      }
      return withResponse(hint, received, (response) =>
        toMatchProblemResult(this, hint, response, expected, registryNow()),
      );
    },
  };
}
