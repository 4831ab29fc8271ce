import { start as startFaultline } from './fastify-faultline.mjs';
import { assertCheckout } from './faultline-packages.mjs';

/**
 * The Fastify plugin app again, its faultline packages imported from `--baseline`'s build: the harness
 * gives this server the checkout's directory.
 */
export function start() {
  assertCheckout('fastify-faultline-baseline');
  return startFaultline();
}
