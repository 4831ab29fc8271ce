import '@faultline/testing/jest';
import type { RegisteredCode } from '@faultline/core';
import { clients } from './support/clients';
import { failureOf } from './support/failure';

// The application's own code: this registry is not the one `Register` names, so it is widened.
const archived = 'DATASET_ARCHIVED' as RegisteredCode;

describe.each(clients())('$name', (client) => {
  beforeAll(() => client.start());
  afterAll(() => client.stop());

  const get = (path: string) => client.send('GET', path);

  describe('passes a problem faultline answers with', () => {
    it('a 404 with its code, and with its status alone', async () => {
      await expect(await get('/datasets/abc')).toBeProblem(404, 'RESOURCE_NOT_FOUND');
      await expect(await get('/datasets/abc')).toBeProblem(404);
    });

    it('every member matched, exactly or by an asymmetric matcher', async () => {
      await expect(await get('/datasets/abc')).toMatchProblem({
        status: 404,
        title: 'Not Found',
        type: 'https://api.example.com/docs/errors#resource-not-found',
        detail: "Dataset with ID 'abc' was not found.",
        error_code: 'RESOURCE_NOT_FOUND',
      });
      await expect(await get('/datasets/abc')).toMatchProblem({
        detail: expect.stringContaining("'abc'"),
        type: expect.stringMatching(/#resource-not-found$/),
      });
    });

    it('a 429 with Retry-After', async () => {
      await expect(await get('/limited')).toBeProblem(429, 'RATE_LIMIT_EXCEEDED');
    });

    it('a 405 with Allow', async () => {
      await expect(await client.send('PUT', '/only-get')).toBeProblem(405, 'METHOD_NOT_ALLOWED');
    });

    it('a 500 without error_code', async () => {
      await expect(await get('/crash')).toBeProblem(500);
      await expect(await get('/crash')).toMatchProblem({
        status: 500,
        detail: 'An unexpected error occurred.',
      });
    });

    it("a code of the application's own", async () => {
      await expect(await get('/archived')).toBeProblem(409, archived);
    });
  });

  describe('passes a hand-written problem', () => {
    it('whose media type has parameters and another case', async () => {
      await expect(await get('/hand/charset')).toBeProblem(404, 'RESOURCE_NOT_FOUND');
    });

    it('whose Retry-After is an HTTP-date', async () => {
      await expect(await get('/hand/retry-after-date')).toBeProblem(429);
    });
  });

  describe('negated, passes', () => {
    it('a response that is no problem at all', async () => {
      await expect(await get('/hand/ok')).not.toBeProblem(404);
      await expect(await get('/hand/ok')).not.toMatchProblem({});
    });

    it('a problem of another code or status', async () => {
      await expect(await get('/datasets/abc')).not.toBeProblem(404, 'INVALID_ID');
      await expect(await get('/datasets/abc')).not.toBeProblem(400);
      await expect(await get('/datasets/abc')).not.toMatchProblem({ detail: 'Gone.' });
    });

    it('a response that breaks a rule, whatever its status and code', async () => {
      await expect(await get('/hand/status-mismatch')).not.toBeProblem(400);
      await expect(await get('/hand/json-media-type')).not.toBeProblem(404, 'RESOURCE_NOT_FOUND');
    });
  });

  describe('fails, saying why', () => {
    const failure = async (path: string, status: number, code?: RegisteredCode) =>
      failureOf(async () => expect(await get(path)).toBeProblem(status, code));

    it('a response that is no problem at all', async () => {
      const message = await failure('/hand/ok', 404);
      expect(message).toContain('expect(response).toBeProblem(status)');
      expect(message).toContain('Expected: a 404 problem\nReceived: a 200 response');
      expect(message).toContain('  - the status is 200, not an error status (400 to 599)');
      // Fastify adds a charset to the type the route gave; Express keeps it as it is.
      expect(message).toMatch(
        /\n {2}- Content-Type is "application\/json(; charset=utf-8)?", not application\/problem\+json\n/,
      );
      expect(message).toContain('  - the body has no "status" member');
      expect(message).toContain('-   "status": 404,\n+   "status": 200,');
      expect(message).toContain('Received body: {"ok": true}');
    });

    it('a problem sent as application/json', async () => {
      expect(await failure('/hand/json-media-type', 404)).toContain(
        '  - Content-Type is "application/json; charset=utf-8", not application/problem+json',
      );
    });

    it('a body whose status is not the wire status', async () => {
      expect(await failure('/hand/status-mismatch', 400)).toContain(
        '  - "status" is 404 in the body but 400 on the wire',
      );
    });

    it('an error_code on a 5xx', async () => {
      expect(await failure('/hand/server-code', 503)).toContain(
        '  - a 503 carries "error_code" "SERVICE_UNAVAILABLE"; a 5xx never does',
      );
    });

    it('a 429 without Retry-After, or with one that is no delay', async () => {
      expect(await failure('/hand/no-retry-after', 429)).toContain(
        '  - a 429 has no Retry-After header',
      );
      expect(await failure('/hand/retry-after-soon', 429)).toContain(
        '  - Retry-After is "soon", neither a number of seconds nor an HTTP-date',
      );
    });

    it('a 405 without Allow', async () => {
      expect(await failure('/hand/no-allow', 405)).toContain('  - a 405 has no Allow header');
    });

    it('members of the wrong type, or missing', async () => {
      const message = await failure('/hand/member-types', 404);
      expect(message).toContain('  - "status" is "404" (a string), not an integer');
      expect(message).toContain('  - the body has no "title" member');
      expect(message).toContain('  - "detail" is 7 (a number), not a string');
    });

    it('a body that is not JSON, or not an object', async () => {
      expect(await failure('/hand/not-json', 500)).toContain(
        '  - the body is not JSON: "Internal error"',
      );
      expect(await failure('/hand/array', 400)).toContain(
        '  - the body is an array, not a JSON object',
      );
    });

    it('another code, with a diff', async () => {
      const message = await failure('/datasets/abc', 404, 'INVALID_ID');
      expect(message).toContain('expect(response).toBeProblem(status, code)');
      expect(message).toContain(
        'Expected: a 404 problem with error_code "INVALID_ID"\nReceived: a 404 response with error_code "RESOURCE_NOT_FOUND"',
      );
      expect(message).not.toContain('Rules broken');
      expect(message).toContain(
        '-   "error_code": "INVALID_ID",\n+   "error_code": "RESOURCE_NOT_FOUND",',
      );
    });

    it('another status', async () => {
      const message = await failure('/datasets/abc', 400);
      expect(message).toContain('Expected: a 400 problem\nReceived: a 404 response');
      expect(message).toContain('-   "status": 400,\n+   "status": 404,');
    });

    it('members that differ, with a diff of those alone', async () => {
      const message = await failureOf(async () =>
        expect(await get('/datasets/abc')).toMatchProblem({
          status: 404,
          detail: 'Dataset was not found.',
          error_code: 'INVALID_ID',
        }),
      );
      expect(message).toContain('expect(response).toMatchProblem(expected)');
      expect(message).toContain('-   "detail": "Dataset was not found.",');
      expect(message).toContain(`+   "detail": "Dataset with ID 'abc' was not found.",`);
      expect(message).toContain('-   "error_code": "INVALID_ID",');
      expect(message).toContain('+   "error_code": "RESOURCE_NOT_FOUND",');
      expect(message).toContain('    "status": 404,');
      const diff = message.slice(0, message.indexOf('Received body:'));
      expect(diff).not.toContain('"title"');
    });

    it('negated, a problem that matches what was said it does not', async () => {
      const message = await failureOf(async () =>
        expect(await get('/datasets/abc')).not.toMatchProblem({ status: 404 }),
      );
      expect(message).toContain('expect(response).not.toMatchProblem(expected)');
      expect(message).toContain('Expected the problem not to match: {"status": 404}');
      expect(message).toContain('Received body: {');
    });

    it('negated, a problem that is what was said it is not', async () => {
      const message = await failureOf(async () =>
        expect(await get('/datasets/abc')).not.toBeProblem(404, 'RESOURCE_NOT_FOUND'),
      );
      expect(message).toContain('expect(response).not.toBeProblem(status, code)');
      expect(message).toContain(
        'Expected: not a 404 problem with error_code "RESOURCE_NOT_FOUND"\nReceived: a 404 problem with error_code "RESOURCE_NOT_FOUND"',
      );
    });
  });
});
