import { start as startFaultline } from './fastify-faultline.mjs';

/**
 * The Fastify plugin again, its `ProblemError` class defined with `stackPolicy: true`: every
 * error captures its stack, 4xx included, as an application that asks for stacks gets.
 */
export function start() {
  return startFaultline({ stackPolicy: true });
}
