import {
  isRawScenario,
  runScenario,
  scenarioDifferences,
  scenarios,
  type WireResponse,
} from '@faultline-examples/contract';
import { frameworks, optionsFor } from './support/frameworks.js';

/** One row's answer from one framework's app, fresh for the row. */
async function answer(
  framework: (typeof frameworks)[number],
  scenario: (typeof scenarios)[number],
): Promise<WireResponse> {
  const { options, context } = optionsFor(scenario.untilRateLimited === true);
  const app = isRawScenario(scenario)
    ? await framework.listen(options)
    : await framework.open(options);
  try {
    return (await runScenario(scenario, app, context)).response;
  } finally {
    await app.close();
  }
}

describe('the same request gets the same answer from both apps', () => {
  test.each(scenarios)('$name: $situation', async (scenario) => {
    const [express, fastify] = await Promise.all(
      frameworks.map((framework) => answer(framework, scenario)),
    );
    expect(scenarioDifferences(scenario, express!, fastify!)).toEqual([]);
  });
});
