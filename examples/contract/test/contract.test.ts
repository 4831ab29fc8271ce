import '@faultline/testing/jest';
import type { RegisteredCode } from '@faultline/core';
import { configure } from '@faultline/testing';
import {
  isRawScenario,
  runScenario,
  type Scenario,
  scenarios,
  verify,
  type WireResponse,
} from '@faultline-examples/contract';
import { defineDatasetProblems } from '@faultline-examples/datasets-domain';
import {
  deleteKeys,
  dropTables,
  reachableDatabases,
  reachableRedis,
  uniqueTable,
} from '../../datasets-domain/test/support/services';
import {
  type Framework,
  frameworks,
  type OpenApp,
  optionsFor,
  TEST_TYPE_BASE,
} from './support/frameworks.js';

// Every problem row is also held to @faultline/testing's rules, with the app's own registry.
configure({ registry: defineDatasetProblems(TEST_TYPE_BASE).registry });

/** A problem row's answer, checked by toBeProblem as a fetch Response. */
async function expectProblem(scenario: Scenario, response: WireResponse): Promise<void> {
  const { status, problem } = scenario.expect;
  // A type outside the registry (the 431 Node's parser answers for headers too large) is held
  // to the contract's own checks alone.
  if (problem === undefined || problem.open === true || typeof status !== 'number') return;
  // toBeProblem reads JSON; the XML form is read back and checked by verify.
  if (scenario.expect.xml === true) return;
  const received = new Response(response.text, {
    status: response.status,
    headers: response.headers,
  });
  const code = typeof problem.code === 'string' ? (problem.code as RegisteredCode) : undefined;
  await expect(received).toBeProblem(status, ...(code === undefined ? [] : [code]));
}

const requestRows = scenarios.filter((scenario) => !isRawScenario(scenario));
const rawRows = scenarios.filter(isRawScenario);

/**
 * Where the app keeps its state: SQLite in memory, each database server that answers, and SQLite
 * with the rate limit's counters in Redis when Redis answers.
 */
interface Store {
  readonly name: string;
  /** The options of one fresh app: a table and a key prefix of its own on a server. */
  database(): {
    databaseUrl?: string;
    databaseTable?: string;
    redisUrl?: string;
    rateLimitPrefix?: string;
  };
}

const tablePrefix = uniqueTable('contract');
const servers = reachableDatabases();
const redisUrl = reachableRedis();
let tables = 0;
const stores: Store[] = [
  { name: 'SQLite', database: () => ({}) },
  ...servers.map((server) => ({
    name: server.name,
    database: () => ({ databaseUrl: server.url, databaseTable: `${tablePrefix}_${++tables}` }),
  })),
  ...(redisUrl === undefined
    ? []
    : [
        {
          name: 'SQLite, the rate limit in Redis',
          database: () => ({ redisUrl, rateLimitPrefix: `${tablePrefix}:${++tables}:` }),
        },
      ]),
];

afterAll(async () => {
  for (const server of servers) await dropTables(server, tablePrefix);
  if (redisUrl !== undefined) await deleteKeys(redisUrl, `${tablePrefix}:`);
});

describe.each(stores)('on $name', (store: Store) => {
  describe.each(frameworks)('the $name app holds the contract', (framework: Framework) => {
    // A fresh app (and database) per row: no row depends on another.
    test.each(requestRows)('$name: $situation', async (scenario) => {
      const { options, context } = optionsFor(scenario.untilRateLimited === true);
      const app = await framework.open({ ...options, ...store.database() });
      try {
        const { response } = await runScenario(scenario, app, context);
        expect(verify(scenario, response, context)).toEqual([]);
        await expectProblem(scenario, response);
      } finally {
        await app.close();
      }
    });

    describe('on a real socket, for what Node’s parser refuses', () => {
      const { options, context } = optionsFor(false);
      let server: OpenApp;
      beforeAll(async () => {
        server = await framework.listen({ ...options, ...store.database() });
      });
      afterAll(() => server.close());

      test.each(rawRows)('$name: $situation', async (scenario) => {
        const { response } = await runScenario(scenario, server, context);
        expect(verify(scenario, response, context)).toEqual([]);
        await expectProblem(scenario, response);
      });

      test('a served request still works on the same server', async () => {
        const scenario = scenarios.find((row) => row.name === 'list-datasets')!;
        const { response } = await runScenario(scenario, server, context);
        expect(verify(scenario, response, context)).toEqual([]);
      });
    });
  });
});
