import { isRawScenario, runScenario, scenarios, verify } from '@faultline-examples/contract';
import { type Framework, frameworks, type OpenApp, optionsFor } from './support/frameworks.js';

const requestRows = scenarios.filter((scenario) => !isRawScenario(scenario));
const rawRows = scenarios.filter(isRawScenario);

describe.each(frameworks)('the $name app holds the contract', (framework: Framework) => {
  // A fresh app (and in-memory database) per row: no row depends on another.
  test.each(requestRows)('$name: $situation', async (scenario) => {
    const { options, context } = optionsFor(scenario.untilRateLimited === true);
    const app = await framework.open(options);
    try {
      const { response } = await runScenario(scenario, app, context);
      expect(verify(scenario, response, context)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  describe('on a real socket, for what Node’s parser refuses', () => {
    const { options, context } = optionsFor(false);
    let server: OpenApp;
    beforeAll(async () => {
      server = await framework.listen(options);
    });
    afterAll(() => server.close());

    test.each(rawRows)('$name: $situation', async (scenario) => {
      const { response } = await runScenario(scenario, server, context);
      expect(verify(scenario, response, context)).toEqual([]);
    });

    test('a served request still works on the same server', async () => {
      const scenario = scenarios.find((row) => row.name === 'list-datasets')!;
      const { response } = await runScenario(scenario, server, context);
      expect(verify(scenario, response, context)).toEqual([]);
    });
  });
});
