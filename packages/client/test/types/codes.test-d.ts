// Compiled by `pnpm typecheck` (tsc) and by test/type-tests.test.ts, never run: a line that
// should not compile must not.
import {
  type ErrorCodeOf,
  type ensureOk,
  isProblemResponseError,
  type Problem,
  ProblemResponseError,
  readProblem,
} from '@faultline/client';
import type { AxiosProblemError, problemInterceptor } from '@faultline/client/axios';
import type { problemOf as kyProblemOf } from '@faultline/client/ky';
import type { problemOf as ofetchProblemOf } from '@faultline/client/ofetch';
import { type DefaultErrorCode, defineProblems } from '@faultline/core';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

const problems = defineProblems({
  typeBase: 'https://api.example.com/docs/errors',
  codes: {
    PAYMENT_REQUIRED: {
      status: 402,
      type: { slug: 'payment-required', title: 'Payment Required' },
    },
    DATASET_ARCHIVED: {
      status: 409,
      type: { slug: 'dataset-archived', title: 'Dataset Archived' },
    },
  },
});
type Api = typeof problems;

// The codes of a defineProblems() result: the default catalogue's and the application's.
assertType<Equal<ErrorCodeOf<Api>, DefaultErrorCode | 'PAYMENT_REQUIRED' | 'DATASET_ARCHIVED'>>();
assertType<Equal<ErrorCodeOf<'A' | 'B'>, 'A' | 'B'>>();
// @ts-expect-error: the application's codes are not just the default ones
assertType<Equal<ErrorCodeOf<Api>, DefaultErrorCode>>();

// The codes of an OpenAPI document declared `as const`: its ProblemDetails schema's enum.
const document = {
  openapi: '3.1.0',
  components: {
    schemas: {
      ProblemDetails: {
        type: 'object',
        properties: { error_code: { type: 'string', enum: ['RESOURCE_NOT_FOUND', 'INVALID_ID'] } },
      },
    },
  },
} as const;
assertType<Equal<ErrorCodeOf<typeof document>, 'RESOURCE_NOT_FOUND' | 'INVALID_ID'>>();
export async function branchOnDocument(response: Response): Promise<string> {
  const problem = await readProblem<typeof document>(response);
  if (problem?.code === 'INVALID_ID') return 'fix the id';
  // @ts-expect-error: a code the document does not list does not compile
  if (problem?.code === 'PAYMENT_REQUIRED') return 'pay';
  return 'other';
}

export async function branch(response: Response): Promise<string> {
  const problem = await readProblem<Api>(response);
  assertType<Equal<typeof problem, Problem<Api> | undefined>>();
  if (problem === undefined) return 'not a problem';
  switch (problem.code) {
    case 'PAYMENT_REQUIRED':
      return 'pay';
    case 'RESOURCE_NOT_FOUND':
      return 'gone';
    // @ts-expect-error: a code the API cannot send does not compile
    case 'PAYMENT_REQUIERD':
      return 'typo';
    default:
      return 'other';
  }
}

export async function compare(response: Response): Promise<boolean> {
  const problem = await readProblem<Api>(response);
  // @ts-expect-error: comparing with a code the API cannot send does not compile
  return problem?.code === 'DATASET_ARHIVED';
}

/** Every code handled: the `never` proves the switch exhaustive. */
export function exhaustive(problem: Problem<'INVALID_ID' | 'RESOURCE_NOT_FOUND'>): number {
  switch (problem.code) {
    case 'INVALID_ID':
      return 400;
    case 'RESOURCE_NOT_FOUND':
      return 404;
    case undefined:
      return 500;
    default: {
      const unreachable: never = problem.code;
      return unreachable;
    }
  }
}

export function notExhaustive(problem: Problem<'INVALID_ID' | 'RESOURCE_NOT_FOUND'>): number {
  switch (problem.code) {
    case 'INVALID_ID':
      return 400;
    case undefined:
      return 500;
    default: {
      // @ts-expect-error: RESOURCE_NOT_FOUND is not handled, so this is not `never`
      const unreachable: never = problem.code;
      return unreachable;
    }
  }
}

// Without an API, every code is a string.
export async function untyped(response: Response): Promise<void> {
  const problem = await readProblem(response);
  assertType<Equal<NonNullable<typeof problem>['code'], string | undefined>>();
  assertType<Equal<Awaited<ReturnType<typeof ensureOk>>, Response>>();
}

// What describes an API: a defineProblems() result or a union of codes, nothing else.
// @ts-expect-error: an object without a registry does not describe an API
export type NotAnApi = Problem<{ codes: ['A'] }>;

// The thrown forms carry the codes too.
export function caught(error: unknown): void {
  if (isProblemResponseError<Api>(error)) {
    assertType<Equal<typeof error.problem.code, ErrorCodeOf<Api> | undefined>>();
    assertType<Equal<typeof error.response, Response>>();
  }
  if (error instanceof ProblemResponseError) {
    assertType<Equal<typeof error.status, number>>();
  }
  assertType<Equal<ReturnType<typeof kyProblemOf<Api>>, Problem<Api> | undefined>>();
  assertType<Equal<ReturnType<typeof ofetchProblemOf<Api>>, Problem<Api> | undefined>>();
  const axiosError = error as AxiosProblemError<Api>;
  assertType<Equal<typeof axiosError.response.status, number>>();
  assertType<Equal<typeof problemInterceptor, (error: unknown) => Promise<never>>>();
}

// Members are read-only.
export function readOnly(problem: Problem<Api>): void {
  // @ts-expect-error: a problem is read, not written
  problem.code = 'INVALID_ID';
  // @ts-expect-error: errors is a read-only list
  problem.errors.push({ detail: 'x', pointer: '/x' });
}
