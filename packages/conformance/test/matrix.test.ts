import { type Comparable, comparable, consensus } from './support/consensus';
import { check } from './support/expectation';
import { frameworksFor } from './support/frameworks';
import { type Observation, observe } from './support/observe';
import type { FrameworkName } from './support/scenario';
import { scenarios } from './support/scenarios';

/**
 * The conformance matrix: each scenario runs on every adapter (real servers on 127.0.0.1, real
 * HTTP), then, per adapter, two tests: it answers as the other adapters do (status, headers except
 * FRAMEWORK_HEADERS, body bytes, log records), and its answer is the one the scenario expects.
 */

/** Starting four servers and sending four requests, on a slow and busy machine. */
const SCENARIO_TIMEOUT = 120_000;
const TEST_TIMEOUT = 30_000;

describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
  '%s',
  (_name, scenario) => {
    const runs = frameworksFor(scenario);
    const observed = new Map<FrameworkName, Observation>();

    beforeAll(async () => {
      // One at a time: the apps share nothing, but a busy machine need not serve four at once.
      for (const framework of runs) {
        observed.set(framework.name, await observe(framework, scenario));
      }
    }, SCENARIO_TIMEOUT);

    function observationOf(name: FrameworkName): Observation {
      const observation = observed.get(name);
      if (observation === undefined) throw new Error(`${name} was not observed`);
      return observation;
    }

    const names = runs.map((framework) => framework.name);

    test.each(names)(
      '%s answers as the other adapters do',
      (name) => {
        const others: Comparable = consensus(
          names.map((other) => comparable(observationOf(other))),
        );
        expect(comparable(observationOf(name))).toEqual(others);
      },
      TEST_TIMEOUT,
    );

    test.each(names)(
      "%s gives the scenario's expected answer",
      (name) => {
        const { actual, expected } = check(observationOf(name), scenario);
        expect(actual).toEqual(expected);
      },
      TEST_TIMEOUT,
    );
  },
);
