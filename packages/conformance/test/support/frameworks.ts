import express5 from 'express';
import express4 from 'express4';
import fastify5 from 'fastify';
import fastify4 from 'fastify4';
import type { AppSetup, RunningApp } from './apps/app-setup';
import { type ExpressFactory, startExpress } from './apps/express-app';
import { type FastifyFactory, startFastify } from './apps/fastify-app';
import type { FrameworkName, Scenario } from './scenario';

/** One adapter on one framework major. */
export interface Framework {
  readonly name: FrameworkName;
  /** Builds the scenario's app and listens on 127.0.0.1, port 0. Throws what start-up throws. */
  start(setup: AppSetup): Promise<RunningApp>;
}

/** Every adapter under test, in the order that breaks a tie when no majority agrees. */
export const frameworks: readonly Framework[] = [
  {
    name: 'Express 4',
    start: (setup) => startExpress(express4 as unknown as ExpressFactory, setup),
  },
  { name: 'Express 5', start: (setup) => startExpress(express5, setup) },
  {
    name: 'Fastify 4',
    start: (setup) => startFastify(fastify4 as unknown as FastifyFactory, 4, setup),
  },
  {
    name: 'Fastify 5',
    start: (setup) => startFastify(fastify5 as unknown as FastifyFactory, 5, setup),
  },
];

/** The adapters a scenario runs on: all four, unless it says only some can deliver it. */
export function frameworksFor(scenario: Scenario): readonly Framework[] {
  const only = scenario.only;
  return only === undefined
    ? frameworks
    : frameworks.filter((framework) => only.frameworks.includes(framework.name));
}
