/**
 * Registers `toBeProblem` and `toMatchProblem` with Vitest's `expect` and types them on its
 * assertions. Import it from a setup file (`test.setupFiles`) or at the top of a test file.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['@faultline/testing/vitest'] } });
 */
import { expect } from 'vitest';
import { problemMatchers } from './matchers.js';
import type { ProblemMatchers } from './problem-matchers.js';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the parameters must be exactly those of Vitest's Assertion.
  interface Assertion<T = any> extends ProblemMatchers<void, T> {}
}

expect.extend(problemMatchers());
