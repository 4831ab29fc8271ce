import type { Scenario } from './scenario';
import { headersBeforeThrow } from './scenarios/headers';
import { libraryErrors } from './scenarios/library-errors';
import { loggingScenarios } from './scenarios/logging';
import { optionScenarios } from './scenarios/options';
import { productionScenarios } from './scenarios/production';
import { routingAndBodies } from './scenarios/routing-and-bodies';
import { thrownValues } from './scenarios/thrown-values';

/** The matrix: every row runs on Express 4, Express 5, Fastify 4 and Fastify 5. */
export const scenarios: readonly Scenario[] = [
  ...thrownValues,
  ...libraryErrors,
  ...headersBeforeThrow,
  ...routingAndBodies,
  ...optionScenarios,
  ...loggingScenarios,
  ...productionScenarios,
];
