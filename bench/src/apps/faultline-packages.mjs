import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The environment variable naming a checkout whose builds of the faultline packages a server
 * imports instead of the workspace's (`--baseline`: a worktree of an earlier revision).
 */
export const PACKAGES_ENV = 'FAULTLINE_BENCH_PACKAGES';

/**
 * A faultline package (`core`, `express`, `fastify`) for an app: `@faultline/<name>` as the bench
 * installs it, or, when `FAULTLINE_BENCH_PACKAGES` names a checkout, that checkout's ESM build
 * (`<dir>/packages/<name>/dist/index.js`). The checkout's adapters import `@faultline/core`
 * through its workspace link, whose real path is that same build, so an app's `ProblemError`,
 * `defineProblems` and default registry are the very copy its adapter reads.
 *
 * @example const { defineProblems } = await faultlinePackage('core');
 */
export function faultlinePackage(name) {
  const checkout = process.env[PACKAGES_ENV];
  if (checkout === undefined || checkout === '') return import(`@faultline/${name}`);
  const entry = join(realpathSync(checkout), 'packages', name, 'dist', 'index.js');
  return import(pathToFileURL(entry).href);
}

/**
 * Refuses to start a baseline contender whose server was not given a checkout: without one it
 * would measure the workspace's packages under the baseline's name.
 *
 * @example assertCheckout('fastify-faultline-baseline');
 */
export function assertCheckout(id) {
  const checkout = process.env[PACKAGES_ENV];
  if (checkout === undefined || checkout === '') {
    throw new Error(`${id} needs ${PACKAGES_ENV}, which \`pnpm bench --baseline REV\` sets`);
  }
}
