import { start as startFaultline } from './fastify-faultline.mjs';

/** The Fastify plugin again, its `ProblemError` class defined with `stackPolicy: 'server-errors'`. */
export function start() {
  return startFaultline({ stackPolicy: 'server-errors' });
}
