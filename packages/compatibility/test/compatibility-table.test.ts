/**
 * packages/core/README.md, "Compatibility", row by row: each row's failure is made by the real
 * library, in real Express 4 and 5 and Fastify 4 and 5 apps (each where the library runs), over
 * real HTTP, and the answer is held to the row: the status, the `error_code`, and the headers,
 * pointers and `detail` the row quotes. Nothing the client sent may come back, nor the library's
 * message where the rules hide it. "versions tested" must name the installed release of the
 * library; a row without a scenario here, or a scenario whose row is gone, fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertProblemResponse } from '@faultline/test-support';
import {
  claimsOf,
  expectScenarioForEachRow,
  fragments,
  type Row,
  tableAfter,
} from '../../../scripts/readme-tables';
import { authenticationScenarios } from './scenarios/authentication';
import { errorsWithStatusScenarios } from './scenarios/errors-with-status';
import { routingAndRateLimitScenarios } from './scenarios/routing-and-rate-limits';
import { uploadScenarios } from './scenarios/uploads';
import { validationScenarios } from './scenarios/validation';
import { type Scenario, SECRET } from './support/scenario';
import { frameworks, type Received, send } from './support/servers';

const readme = readFileSync(join(__dirname, '..', '..', 'core', 'README.md'), 'utf8');
const rows = tableAfter(readme, '## Compatibility');
const ANSWER = 'what faultline answers';
const key = (row: Row) => `${row.library} / ${row['what it raises']}`;
const keyed: Row[] = rows.map((row) => ({ ...row, key: key(row) }));

const scenarios: Readonly<Record<string, Scenario>> = {
  ...validationScenarios,
  ...uploadScenarios,
  ...authenticationScenarios,
  ...errorsWithStatusScenarios,
  ...routingAndRateLimitScenarios,
};

/** The major.minor of a package as installed for these tests. */
function installedVersion(name: string): string {
  const manifest = join(__dirname, '..', 'node_modules', name, 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return version.split('.').slice(0, 2).join('.');
}

/** What the answer cell promises: a status first, then the `error_code`, pointers and claims. */
function promised(cell: string) {
  const status = /^(\d{3})\b/.exec(cell)?.[1];
  if (status === undefined) throw new Error(`"${cell}" does not start with a status`);
  const quoted = fragments(cell);
  return {
    status: Number(status),
    code: quoted.find((fragment) => /^[A-Z][A-Z0-9_]+$/.test(fragment)),
    pointers: quoted.filter((fragment) => fragment.startsWith('#/')),
    claims: claimsOf(cell),
  };
}

/** Every message of the errors the app saw, where they are long enough to be told apart. */
function messagesOf(seen: readonly unknown[]): string[] {
  return seen
    .map((error) => (error instanceof Error ? error.message : undefined))
    .filter((message): message is string => message !== undefined && message.length > 12);
}

function expectAnswer(row: Row, answer: Received, seen: readonly unknown[], scenario: Scenario) {
  const body = assertProblemResponse(answer);
  const { status, code, pointers, claims } = promised(row[ANSWER] ?? '');
  expect({ status: answer.status, error_code: body.error_code }).toEqual({
    status,
    error_code: code,
  });
  const listed = ((body.errors ?? []) as { pointer?: string }[]).map((entry) => entry.pointer);
  for (const pointer of pointers) expect(listed).toContain(pointer);
  for (const claim of claims) {
    if (claim.kind === 'header') {
      const value = answer.headers[claim.name.toLowerCase()];
      expect([claim.name, value]).toEqual([claim.name, claim.value ?? expect.any(String)]);
    } else if (claim.kind === 'detail') {
      expect(body.detail).toMatch(claim.pattern);
    } else {
      throw new Error(`"${row.key}": the answer cell cannot promise ${claim.kind}`);
    }
  }

  const shown = `${JSON.stringify(answer.headers)}\n${answer.body}`;
  expect(shown).not.toContain(SECRET);
  if (scenario.hidesMessage) {
    expect(seen.length).toBeGreaterThan(0);
    for (const message of messagesOf(seen)) expect(answer.body).not.toContain(message);
  }
}

describe('packages/core/README.md: “Compatibility”', () => {
  it('has a row for every scenario here, and a scenario for every row', () => {
    expectScenarioForEachRow(keyed, 'key', scenarios);
  });

  it.each(keyed.map((row) => [row.key!, row] as const))(
    '%s: "versions tested" is the installed release',
    (name, row) => {
      const scenario = scenarios[name];
      expect(scenario).toBeDefined();
      expect(row['versions tested']).toBe(installedVersion(scenario!.package));
    },
  );

  describe.each(frameworks)('on $name', (framework) => {
    const played = keyed.filter((row) => {
      const scenario = scenarios[row.key!];
      return scenario !== undefined && framework.plays(scenario);
    });

    it.each(played.map((row) => [row.key!, row] as const))('%s', async (name, row) => {
      const scenario = scenarios[name]!;
      const served = await framework.start(scenario);
      try {
        let answer: Received | undefined;
        for (const request of await scenario.requests()) answer = await send(served.port, request);
        expectAnswer(row, answer!, served.seen, scenario);
      } finally {
        await served.close();
      }
    });
  });

  it('plays every scenario on at least one framework', () => {
    const unplayed = Object.entries(scenarios)
      .filter(([, scenario]) => !frameworks.some((framework) => framework.plays(scenario)))
      .map(([name]) => name);
    expect(unplayed).toEqual([]);
  });
});
