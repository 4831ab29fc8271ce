import type { RegisteredCode } from '@faultline/core';

/**
 * The members a problem is expected to have, as `toMatchProblem` takes them: each compared with
 * the runner's equality, so asymmetric matchers (`expect.stringContaining(...)`) work, and
 * members left out are not compared.
 */
export interface ProblemExpectation {
  readonly status?: number;
  readonly title?: string;
  readonly type?: string;
  readonly detail?: string;
  readonly instance?: string;
  /** One of the application's codes (see `Register` in `@faultline/core`). */
  readonly error_code?: RegisteredCode;
  /** Extension members, such as `errors`. */
  readonly [member: string]: unknown;
}

/** A fetch `Response`, whose body the matchers read asynchronously. */
interface FetchResponseLike {
  readonly bodyUsed: boolean;
  clone(): unknown;
  text(): Promise<string>;
}

/** A fetch `Response`'s matchers return a promise to `await`; the others return at once. */
export type ProblemMatcherReturn<R, T> = T extends FetchResponseLike ? Promise<R> : R;

/**
 * The matchers as `expect(response)` offers them, once `@faultline/testing/jest` or
 * `@faultline/testing/vitest` is imported. `R` is what a matcher returns in the runner's typings,
 * `T` the type of the received value.
 */
export interface ProblemMatchers<R, T = unknown> {
  /**
   * The response is a problem of this status (and `error_code`, when given): media type
   * `application/problem+json` (parameters allowed), a body with RFC 9457's members of the right
   * types, its `status` the wire's, no `error_code` on a 5xx, `Retry-After` on a 429, `Allow` on
   * a 405, and a code of the registry when one is configured. On a fetch `Response`, `await` it.
   *
   * @example
   * expect(await request(app).get('/datasets/nope')).toBeProblem(404, 'RESOURCE_NOT_FOUND');
   * await expect(await fetch(url)).toBeProblem(429);
   */
  toBeProblem(status: number, code?: RegisteredCode): ProblemMatcherReturn<R, T>;
  /**
   * The response is a problem (the rules of `toBeProblem`) whose body has these members, compared
   * as `toMatchObject` does. On a fetch `Response`, `await` it.
   *
   * @example
   * expect(await app.inject({ url: '/datasets/nope' })).toMatchProblem({
   *   status: 404,
   *   error_code: 'RESOURCE_NOT_FOUND',
   *   detail: expect.stringContaining('nope'),
   * });
   */
  toMatchProblem(expected: ProblemExpectation): ProblemMatcherReturn<R, T>;
}
