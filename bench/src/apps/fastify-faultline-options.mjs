import { start as startFaultline } from './fastify-faultline.mjs';
import { productionOptions } from './production-options.mjs';

/** The Fastify plugin app again, with every production option on (`production-options.mjs`). */
export function start() {
  return startFaultline({ adapterOptions: productionOptions() });
}
