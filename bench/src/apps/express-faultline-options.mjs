import { start as startFaultline } from './express-faultline.mjs';
import { productionOptions } from './production-options.mjs';

/** The Express app again, `problemHandlers()` with every production option on (`production-options.mjs`). */
export function start() {
  return startFaultline({ adapterOptions: productionOptions() });
}
