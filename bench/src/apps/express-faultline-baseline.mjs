import { start as startFaultline } from './express-faultline.mjs';
import { assertCheckout } from './faultline-packages.mjs';

/**
 * The Express app again, its faultline packages imported from `--baseline`'s build: the harness
 * gives this server the checkout's directory.
 */
export function start() {
  assertCheckout('express-faultline-baseline');
  return startFaultline();
}
