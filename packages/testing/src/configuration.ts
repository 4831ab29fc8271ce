import type { Registry } from '@faultline/core';

/** What `configure()` sets for the matchers that `@faultline/testing/jest` and `/vitest` register. */
export interface TestingConfiguration {
  /**
   * The application's registry (from `defineProblems()`): every `error_code` a response carries
   * must be one of its codes, answered with the status the registry gives it. `undefined` checks
   * no membership.
   */
  readonly registry?: Registry | undefined;
}

// Kept on the global object rather than in this module, so the matchers of every entry (and of a
// CommonJS and an ES module copy of the package, loaded side by side) read the same setting.
const key = Symbol.for('@faultline/testing.configuration');

type Holder = { [key]?: TestingConfiguration };

/**
 * Sets the registry the default matchers check codes against, for the rest of the test file (or
 * of a setup file's run). Call it in a setup file, or in a test file before its tests.
 *
 * @example
 * import { configure } from '@faultline/testing';
 * import { registry } from '../src/problems';
 *
 * configure({ registry });
 */
export function configure(configuration: TestingConfiguration): void {
  if (typeof configuration !== 'object' || configuration === null) {
    throw new TypeError('@faultline/testing: configure() takes an object such as { registry }');
  }
  const { registry } = configuration;
  if (registry !== undefined && !isRegistry(registry)) {
    throw new TypeError(
      '@faultline/testing: configure() option registry must be a registry from defineProblems() (or defaultRegistry)',
    );
  }
  (globalThis as Holder)[key] = { registry };
}

/** The registry set by `configure()`, if any. */
export function configuredRegistry(): Registry | undefined {
  return (globalThis as Holder)[key]?.registry;
}

/** Whether `value` has what the matchers use of a registry. */
export function isRegistry(value: unknown): value is Registry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Registry).has === 'function' &&
    typeof (value as Registry).byCode === 'function'
  );
}
