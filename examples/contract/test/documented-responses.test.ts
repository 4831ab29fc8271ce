import {
  documentChecker,
  documentedCodes,
  isRawScenario,
  runScenario,
  scenarios,
} from '@faultline-examples/contract';
import { frameworks, type OpenApp, optionsFor } from './support/frameworks.js';

/**
 * Codes an operation documents that no row can make it answer, each with where it is produced
 * instead. Each must still be documented (the test fails on a stale entry) and produced by some
 * row on some operation, so what the rows show of it is checked against the document.
 */
const producedElsewhere: readonly {
  readonly code: string;
  readonly operations: readonly string[] | 'every';
  readonly why: string;
}[] = [
  {
    code: 'INTERNAL_SERVER_ERROR',
    operations: 'every',
    why: 'any handler may fail; only GET /v2/_demo/crash fails on purpose (the crash row)',
  },
  {
    code: 'RATE_LIMIT_EXCEEDED',
    operations: 'every',
    why: 'one limiter counts every /v2 route per credential; the rate-limited row meets it on GET /v2/datasets',
  },
  {
    code: 'SERVICE_UNAVAILABLE',
    operations: [
      'GET /v2/datasets',
      'POST /v2/datasets',
      'GET /v2/datasets/{id}',
      'DELETE /v2/datasets/{id}',
    ],
    why: 'a database that cannot be reached: database-outage.test.ts, which checks its 503 against the document too',
  },
];

describe.each(frameworks)(
  'every answer of the $name app is one its document describes',
  (framework) => {
    let server: OpenApp;
    let document: Record<string, unknown>;
    const produced = new Map<string, Set<string>>();
    const departures: string[] = [];

    beforeAll(async () => {
      const { options, context } = optionsFor(false);
      server = await framework.listen(options);
      document = JSON.parse(
        (await server.send({ method: 'GET', path: '/openapi.json', headers: {} })).text,
      );
      const check = documentChecker(document);
      // Every row, in order, against one server, as the demo plays them.
      for (const scenario of scenarios) {
        // What Node's parser refuses never reaches an operation.
        if (isRawScenario(scenario)) continue;
        // The document describes the JSON form; the XML form holds the same members (verify
        // reads it back and checks it against the same expectations).
        if (scenario.expect.xml === true) continue;
        const { request, response } = await runScenario(scenario, server, context);
        if (!('method' in request)) continue;
        const answer = check(request.method, request.path, response);
        departures.push(...answer.errors.map((error) => `${scenario.name}: ${error}`));
        if (answer.operation !== undefined && answer.code !== undefined) {
          produced.set(
            answer.operation,
            (produced.get(answer.operation) ?? new Set()).add(answer.code),
          );
        }
      }
    });
    afterAll(() => server.close());

    test('each validates against the response its operation documents for its status, and its code is listed there', () => {
      expect(departures).toEqual([]);
    });

    test('each code an operation documents is answered by some row', () => {
      const unproduced: string[] = [];
      for (const [operation, codes] of documentedCodes(document)) {
        for (const code of codes) {
          if (produced.get(operation)?.has(code)) continue;
          const elsewhere = producedElsewhere.find(
            (entry) =>
              entry.code === code &&
              (entry.operations === 'every' || entry.operations.includes(operation)),
          );
          if (elsewhere === undefined)
            unproduced.push(`${operation} documents ${code}, which no row produces`);
        }
      }
      expect(unproduced).toEqual([]);
    });

    test('each code produced elsewhere is documented, and some row shows it or its operations are named', () => {
      const codes = documentedCodes(document);
      const stale: string[] = [];
      for (const entry of producedElsewhere) {
        const operations = entry.operations === 'every' ? [...codes.keys()] : entry.operations;
        for (const operation of operations) {
          if (!codes.get(operation)?.has(entry.code))
            stale.push(`${operation} does not document ${entry.code}`);
        }
        const shown = [...produced.values()].some((set) => set.has(entry.code));
        if (entry.operations === 'every' && !shown) stale.push(`no row produces ${entry.code}`);
      }
      expect(stale).toEqual([]);
    });
  },
);
