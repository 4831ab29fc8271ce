import '@faultline/testing/jest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure } from '@faultline/testing';
import request from 'supertest';
import { expressApp, type HandWrittenPath, problems } from './support/apps';
import { failureOf } from './support/failure';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const app = expressApp();

/** The cells of the rows of the README's table under `heading`, header and rule rows left out. */
function tableUnder(heading: string): string[][] {
  const section = readme.slice(readme.indexOf(`\n## ${heading}\n`) + 1);
  const lines = section.split('\n').slice(1);
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows = lines.slice(
    start,
    lines.findIndex((line, i) => i > start && !line.startsWith('|')),
  );
  return rows.slice(2).map((row) =>
    row
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim()),
  );
}

/** The response of the Express app to a path, and the status a test would expect of it. */
const producers: Record<string, [HandWrittenPath, number, 'registry'?]> = {
  'the status is 200, not an error status (400 to 599)': ['/hand/ok', 404],
  'Content-Type is "application/json", not application/problem+json': ['/hand/ok', 404],
  'the body is not JSON: "..."': ['/hand/not-json', 500],
  'the body is an array, not a JSON object': ['/hand/array', 400],
  'the body has no "title" member': ['/hand/member-types', 404],
  '"status" is "404" (a string), not an integer': ['/hand/member-types', 404],
  '"detail" is 7 (a number), not a string': ['/hand/member-types', 404],
  '"status" is 404 in the body but 400 on the wire': ['/hand/status-mismatch', 400],
  'a 503 carries "error_code" "SERVICE_UNAVAILABLE"; a 5xx never does': ['/hand/server-code', 503],
  'a 429 has no Retry-After header': ['/hand/no-retry-after', 429],
  'a 405 has no Allow header': ['/hand/no-allow', 405],
  '"error_code" "NOT_OURS" is not a code of the registry': ['/hand/foreign-code', 409, 'registry'],
  '"error_code" "DATASET_ARCHIVED" answers with 409 in the registry, not 404': [
    '/hand/code-of-another-status',
    404,
    'registry',
  ],
};

describe('the README', () => {
  afterEach(() => {
    configure({ registry: undefined });
  });

  it('shows the failure its first example gives, word for word', async () => {
    const shown = /\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    const response = await request(app).get('/hand/json-media-type');
    expect(await failureOf(() => expect(response).toBeProblem(404, 'RESOURCE_NOT_FOUND'))).toBe(
      shown,
    );
  });

  const messages = tableUnder('What they check').flatMap(([, cell]) =>
    [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
  );

  it('lists in "What they check" every message this test produces, and no other', () => {
    expect(messages.sort()).toEqual(Object.keys(producers).sort());
  });

  it.each(Object.entries(producers))('%s: a real failure says so', async (message, producer) => {
    const [path, status, registry] = producer;
    if (registry) configure({ registry: problems.registry });
    // superagent rejects the body that is not JSON with an error that carries the response.
    const response = await request(app)
      .get(path)
      .catch((error: unknown) => error);
    const failure = await failureOf(() => expect(response).toBeProblem(status));
    const line = message.replace('"..."', '"Internal error"');
    expect(failure.split('\n')).toContain(`  - ${line}`);
  });
});
