import {
  assertProblemResponse,
  exchange,
  onlyResponse,
  watchProcessFailures,
} from '@faultline/test-support';
import fc from 'fast-check';
import { problems, versions } from '../helpers';
import { closeCleanly, type Listening, startHostileApp } from './support/hostile-app';

// Each case is one connection; this many stay well under a second per major.
const RUNS = 200;

// Generous for a loaded 2-core runner; nothing here asserts how long anything takes.
jest.setTimeout(120_000);

const failures = watchProcessFailures();

/**
 * Pieces of a request target as a client may send it: segments the app serves, every printable
 * ASCII character (Node lets some through that no URI may hold), and percent-escapes that
 * decode, do not decode, or are cut short.
 */
const piece = fc.oneof(
  fc.constantFrom('/', 'v2', 'datasets', '7', '..', '.', '//'),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 3 }).filter((text) =>
    // Bytes that end the request line, and the space that separates its parts.
    /^[\x21-\x7e]+$/.test(text),
  ),
  fc.constantFrom('%FF', '%FE', '%zz', '%', '%%', '%2F', '%00', '%0D%0A', '%E2%82', '%C3%A9'),
);
const requestTarget = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((pieces) => `/${pieces.join('')}`);
const method = fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'POST');

describe.each(versions)('%s: any request target becomes one problem', (_name, version) => {
  let server: Listening & { readonly warnings: string[] };

  beforeAll(async () => {
    server = await startHostileApp(version, (app) => {
      app.get('/v2/datasets/:id', async () => {
        throw new problems.ProblemError('RESOURCE_NOT_FOUND', { detail: 'No such dataset.' });
      });
      app.post('/v2/datasets', async () => {
        throw new problems.ProblemError('RESOURCE_ALREADY_EXISTS');
      });
    });
  });
  afterAll(async () => {
    await closeCleanly(server);
    expect(server.warnings).toEqual([]);
  });

  it('with `instance` the request path as a URI reference, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(method, requestTarget, async (verb, target) => {
        const request = `${verb} ${target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;
        const result = await exchange(server.port, [Buffer.from(request, 'latin1')]);
        const problem = assertProblemResponse(onlyResponse(result));
        if (typeof problem.instance === 'string') {
          expect(problem.instance).toMatch(/^[\w\-.~!$&'()*+,;=:@/%]*$/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

it('nothing crashed and no rejection went unhandled', () => {
  expect(failures).toEqual([]);
});
