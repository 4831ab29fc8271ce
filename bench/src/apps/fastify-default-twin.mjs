// A second, identical Fastify default server: the A/A control that shows the run's noise floor.
export { start } from './fastify-default.mjs';
