/**
 * Registers `toBeProblem` and `toMatchProblem` with Jest's global `expect` and types them on it.
 * Import it from a setup file (`setupFilesAfterEnv`) or at the top of a test file.
 *
 * @example
 * // jest.config.ts
 * export default { setupFilesAfterEnv: ['@faultline/testing/jest'] };
 */
import { problemMatchers } from './matchers.js';
import type { ProblemMatchers } from './problem-matchers.js';

declare global {
  namespace jest {
    // biome-ignore lint/complexity/noBannedTypes: the parameters must be exactly those of @types/jest.
    interface Matchers<R, T = {}> extends ProblemMatchers<R, T> {}
  }
}

interface ExtensibleExpect {
  extend(matchers: object): void;
}

const jestExpect = (globalThis as { expect?: Partial<ExtensibleExpect> }).expect;
if (typeof jestExpect?.extend !== 'function') {
  throw new Error(
    "@faultline/testing/jest: there is no global expect to extend; import it where Jest's globals exist (a test file, or a setupFilesAfterEnv module), or for Vitest import @faultline/testing/vitest",
  );
}
(jestExpect as ExtensibleExpect).extend(problemMatchers());
