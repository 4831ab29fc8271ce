/**
 * What the matchers use of the `this` that Jest and Vitest give a custom matcher: both runners
 * provide every member, so one implementation serves both.
 */
export interface MatcherContext {
  readonly isNot?: boolean | undefined;
  /** `'resolves'`, `'rejects'` or `''`. */
  readonly promise?: string | undefined;
  /** The equality testers the test file added (`expect.addEqualityTesters`). */
  readonly customTesters?: readonly unknown[] | undefined;
  /** The runner's deep equality, asymmetric matchers included. */
  equals(a: unknown, b: unknown, customTesters?: unknown[]): boolean;
  readonly utils: {
    matcherHint(
      matcherName: string,
      received?: string,
      expected?: string,
      options?: { isNot?: boolean; promise?: string },
    ): string;
    printExpected(value: unknown): string;
    printReceived(value: unknown): string;
    /** `- Expected` / `+ Received` lines, or nothing when there is no difference to show. */
    diff(expected: unknown, received: unknown): string | null | undefined;
    readonly iterableEquality: unknown;
    readonly subsetEquality: unknown;
  };
}

/** What a matcher returns to the runner. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}
