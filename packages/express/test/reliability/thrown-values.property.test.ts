import type http from 'node:http';
import { UNEXPECTED_ERROR_DETAIL } from '@faultline/core/adapter';
import { problemHandlers, wrapAsyncRoutes } from '@faultline/express';
import {
  anyThrown,
  assertProblemResponse,
  type Exchange,
  exchange,
  HAND_MADE,
  httpRequest,
  listen,
  openConnections,
  portOf,
  shutdown,
  type Thrown,
  watchProcessFailures,
} from '@faultline/test-support';
import type { Request } from 'express';
import fc from 'fast-check';
import { frameworks } from '../helpers/frameworks';

/**
 * One listening app per Express major for every run: the value to throw is parked in a registry
 * under an id that the request carries in a header, and the route takes it out and throws it.
 */

type Route = 'throw' | 'next' | 'reject';
const routes: readonly Route[] = ['throw', 'next', 'reject'];

/** What Express does with the value before any error middleware can see it. */
function expectedOutcome(value: unknown, route: Route): 'problem' | 'not-found' | 'express-404' {
  // `next('router')` leaves the app's router: Express's own final handler answers, not ours.
  if (value === 'router') return 'express-404';
  // `next('route')` skips to the next route, which ends at the 404 handler.
  if (value === 'route') return 'not-found';
  // A falsy error reads as "no error" (a rejection is turned into an Error first).
  if (!value && route !== 'reject') return 'not-found';
  return 'problem';
}

const failures = watchProcessFailures();

describe.each(frameworks)('any thrown value, on $name', ({ express }) => {
  const parked = new Map<string, unknown>();
  let ids = 0;
  let server: http.Server;
  const responseErrors: unknown[] = [];
  const stderrLines: string[] = [];
  let stderr: jest.SpyInstance;

  function take(req: Request): unknown {
    const id = req.get('x-case') ?? '';
    const value = parked.get(id);
    parked.delete(id);
    return value;
  }

  beforeAll(async () => {
    // The default logger writes 5xx to stderr: it runs too, into a buffer.
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      stderrLines.push(String(chunk).slice(0, 120));
      return true;
    });
    const app = express();
    app.get('/throw', (req) => {
      throw take(req);
    });
    app.use('/next', (req, _res, next) => next(take(req)));
    app.get('/reject', async (req) => {
      await Promise.resolve();
      throw take(req);
    });
    app.get('/ok', (_req, res) => {
      res.json({ ok: true });
    });
    app.use(problemHandlers({ instance: true }));
    wrapAsyncRoutes(app); // Express 4 needs it for /reject; on Express 5 it changes nothing.
    server = await listen(app);
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.on('error', (error) => responseErrors.push(error));
    });
    server.on('connection', (socket) => socket.on('error', (error) => responseErrors.push(error)));
  });

  afterEach(async () => {
    expect(failures).toEqual([]);
    expect(responseErrors).toEqual([]);
    expect(await openConnections(server)).toBe(0);
  });

  afterAll(async () => {
    await shutdown(server);
    stderr.mockRestore();
  });

  async function send(route: Route | 'ok', value?: unknown): Promise<Exchange> {
    const id = String(ids++);
    if (route !== 'ok') parked.set(id, value);
    return exchange(portOf(server), httpRequest('GET', `/${route}`, { 'X-Case': id }));
  }

  /**
   * One answer, then the connection closed: the problem invariants, then what Express makes of
   * the value. A value that is no problem error shows nothing of itself in a 5xx.
   */
  function expectOneAnswer(
    answer: Exchange,
    value: unknown,
    route: Route,
    { problemError = false }: { problemError?: boolean } = {},
  ): void {
    expect(answer.ending).toBe('closed');
    expect(answer.responses).toHaveLength(1);
    expect(answer.rest.length).toBe(0);
    const [response] = answer.responses;
    if (response === undefined) return;
    const outcome = expectedOutcome(value, route);
    if (outcome === 'express-404') {
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      return;
    }
    const body = assertProblemResponse(response);
    if (outcome === 'not-found') {
      expect(response.status).toBe(404);
      expect(body).toEqual({
        status: 404,
        title: 'Not Found',
        type: 'about:blank',
        detail: 'No resource exists at this URL.',
        instance: `/${route}`,
        error_code: 'RESOURCE_NOT_FOUND',
      });
      return;
    }
    // A problem error may name its own instance, or fail to serialise (the static 500 has none).
    if (problemError) return;
    expect(body.instance).toBe(`/${route}`);
    if (response.status >= 500) {
      // Nothing of the error reaches a 5xx: only the standard members, and the fixed detail.
      expect(Object.keys(body).sort()).toEqual(
        response.status === 500
          ? ['detail', 'instance', 'status', 'title', 'type']
          : ['instance', 'status', 'title', 'type'],
      );
      if (response.status === 500) expect(body.detail).toBe(UNEXPECTED_ERROR_DETAIL);
    }
  }

  /** Throws the value from each route in turn; the server must answer each and go on serving. */
  async function throwFromEveryRoute(thrown: Thrown): Promise<void> {
    const logged = stderrLines.length;
    for (const route of routes) {
      const value = thrown.make();
      expectOneAnswer(await send(route, value), value, route, {
        problemError: thrown.problemError === true,
      });
    }
    const next = await send('ok');
    expect(next.responses.map((response) => response.body)).toEqual(['{"ok":true}']);
    // Every parked value was taken: each route ran exactly once.
    expect(parked.size).toBe(0);
    // Only a problem error the application built with unserialisable members falls back to the
    // static 500 (and says so); nothing else may.
    if (thrown.problemError !== true) {
      const fellBack = stderrLines
        .slice(logged)
        .filter((line) => line.startsWith('problem response failed'));
      expect(fellBack).toEqual([]);
    }
  }

  it('answers every hand-made hostile value with exactly one valid problem, thrown, passed to next() or rejected, and keeps serving', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...HAND_MADE), throwFromEveryRoute), {
      examples: HAND_MADE.map((thrown) => [thrown]),
      numRuns: HAND_MADE.length,
    });
  }, 120_000);

  it('answers any generated value the same way', async () => {
    await fc.assert(fc.asyncProperty(anyThrown, throwFromEveryRoute), { numRuns: 80 });
  }, 120_000);

  it.each([
    ['throw null', null],
    ['throw undefined', undefined],
    ['throw 0', 0],
    ["throw ''", ''],
    ['throw false', false],
    ['throw NaN', Number.NaN],
    ['throw 0n', 0n],
  ])(
    'cannot see %s (Express reads a falsy error as none): the request ends as the 404 problem',
    async (_name, value) => {
      for (const route of ['throw', 'next'] as const) {
        const answer = await send(route, value);
        expectOneAnswer(answer, value, route);
        expect(answer.responses[0]?.status).toBe(404);
      }
      // A rejection is turned into an Error before Express sees it: a 500, not a silent 404.
      const rejected = await send('reject', value);
      expectOneAnswer(rejected, value, 'reject');
      expect(rejected.responses[0]?.status).toBe(500);
    },
  );

  it("leaves `throw 'router'` to Express, which answers its own 404 (a documented limitation)", async () => {
    for (const route of routes) {
      const answer = await send(route, 'router');
      expectOneAnswer(answer, 'router', route);
      expect(answer.responses[0]?.body).toContain(`Cannot GET /${route}`);
    }
  });

  it('keeps the status of any error that carries one in 400–599, and shows only an exposed 4xx message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 400, max: 599 }),
        fc.boolean(),
        fc.string({ maxLength: 3000, unit: 'binary' }),
        fc.constantFrom('status', 'statusCode'),
        async (status, expose, message, key) => {
          const error = Object.assign(new Error(message), { [key]: status, expose });
          const answer = await send('throw', error);
          expectOneAnswer(answer, error, 'throw');
          const body = JSON.parse(answer.responses[0]?.body ?? '{}') as Record<string, unknown>;
          expect(answer.responses[0]?.status).toBe(status);
          const shown = expose && status < 500;
          const detail = message.length <= 1024 ? message : `${message.slice(0, 1023)}…`;
          expect(body.detail).toBe(
            shown ? detail : status === 500 ? UNEXPECTED_ERROR_DETAIL : undefined,
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
