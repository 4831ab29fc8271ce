import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, callApi, RateLimitError } from './readme/datasets-client';
import { closeAll, type ExampleServer, startExampleServers } from './support/example-servers';

const snippetFile = join(__dirname, 'readme', 'datasets-client.ts');

it('shows in the README exactly the client code these tests run', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.split("## The reference's client, in TypeScript")[1] ?? '';
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(block).toBe(readFileSync(snippetFile, 'utf8'));
});

/** What `callApi` threw: the name of its class, its status and its message. */
async function failureOf(call: Promise<unknown>): Promise<[string, number, string]> {
  const error = await call.then(
    () => {
      throw new Error('the call succeeded');
    },
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiError)) throw error;
  return [error.constructor.name, error.status, error.message];
}

const admin = 'demo-admin-key';
const unknownId = 'ZGF0YXNldC10ZXN0';

describe.each(['express', 'fastify'] as const)('the README client against %s', (name) => {
  let servers: ExampleServer[];
  let limited: ExampleServer[];
  let url: string;
  let limitedUrl: string;
  beforeAll(async () => {
    [servers, limited] = await Promise.all([startExampleServers(), startExampleServers(1)]);
    url = servers.find((server) => server.name === name)!.url;
    limitedUrl = limited.find((server) => server.name === name)!.url;
  });
  afterAll(async () => {
    await closeAll([...servers, ...limited]);
  });

  it('returns the JSON of a success, and nothing for a 204', async () => {
    const created = (await callApi(url, admin, 'POST', '/v2/datasets', { name: 'readme' })) as {
      id: string;
      name: string;
    };
    expect(created.name).toBe('readme');
    await expect(callApi(url, admin, 'DELETE', `/v2/datasets/${created.id}`)).resolves.toBe(
      undefined,
    );
  });

  it('branches on status, then on error_code, as the reference does', async () => {
    expect(await failureOf(callApi(url, '', 'GET', '/v2/datasets'))).toEqual([
      'AuthenticationError',
      401,
      expect.stringMatching(/credentials/i),
    ]);
    expect(await failureOf(callApi(url, 'no-such-key', 'GET', '/v2/datasets'))).toEqual([
      'ExpiredCredentialsError',
      401,
      'Session expired — re-authenticate and retry',
    ]);
    expect(await failureOf(callApi(url, admin, 'GET', '/v2/datasets/not-an-id'))).toEqual([
      'InvalidInputError',
      400,
      expect.stringMatching(/^Invalid ID format: ./),
    ]);
    expect(await failureOf(callApi(url, admin, 'POST', '/v2/datasets', { name: 42 }))).toEqual([
      'BadRequestError',
      400,
      expect.stringContaining('name'),
    ]);
    expect(await failureOf(callApi(url, admin, 'POST', '/v2/datasets', {}))).toEqual([
      'InvalidInputError',
      422,
      expect.stringMatching(/^Missing field: .*name/),
    ]);
    expect(
      await failureOf(
        callApi(url, admin, 'POST', '/v2/datasets', { name: 'x', visibility: 'hidden' }),
      ),
    ).toEqual(['ValidationError', 422, expect.stringContaining('visibility')]);
    expect(await failureOf(callApi(url, admin, 'GET', `/v2/datasets/${unknownId}`))).toEqual([
      'NotFoundError',
      404,
      `Dataset with ID '${unknownId}' was not found.`,
    ]);
    expect(
      await failureOf(callApi(url, 'demo-reader-key', 'POST', '/v2/datasets', { name: 'no' })),
    ).toEqual(['ApiError', 403, expect.stringMatching(/permission/i)]);
    expect(await failureOf(callApi(url, admin, 'GET', '/v2/_demo/crash'))).toEqual([
      'ServerError',
      500,
      'An unexpected error occurred.',
    ]);
    expect(await failureOf(callApi(url, admin, 'GET', '/v2/_demo/maintenance'))).toEqual([
      'ServerError',
      503,
      expect.any(String),
    ]);
  });

  it('reads Retry-After when the rate limit refuses', async () => {
    await callApi(limitedUrl, admin, 'GET', '/v2/datasets');
    const error = await callApi(limitedUrl, admin, 'GET', '/v2/datasets').catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(60);
    expect((error as RateLimitError).status).toBe(429);
  });
});
