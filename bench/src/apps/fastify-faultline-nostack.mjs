import { start as startFaultline } from './fastify-faultline.mjs';

/** The Fastify plugin again, the route throwing `ProblemError` with `captureStack: false`. */
export function start() {
  return startFaultline({ captureStack: false });
}
