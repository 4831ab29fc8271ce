import { type RetryOptions, readProblem, withRetry } from '@faultline/client';
import { wait } from '../src/retry';
import { problemAnswer, type ScriptedServer, startScriptedServer } from './support/scripted-server';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
});

const ok = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };

/** A retrying fetch whose waits are recorded instead of slept, and whose jitter is fixed. */
function retrying(options: RetryOptions = {}) {
  const delays: number[] = [];
  const responses: Response[] = [];
  const fetchWithRetry = withRetry(
    async (request) => {
      const response = await fetch(request);
      responses.push(response);
      return response;
    },
    {
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
      ...options,
    },
  );
  return { fetchWithRetry, delays, responses };
}

describe('withRetry, what it retries', () => {
  it('waits exactly Retry-After on a 503, then returns the success', async () => {
    server.answer(problemAnswer(503, { 'retry-after': '2' }), ok);
    const { fetchWithRetry, delays } = retrying();
    const response = await fetchWithRetry(`${server.url}/v2/datasets`);
    expect(response.status).toBe(200);
    expect(delays).toEqual([2000]);
    expect(server.received).toHaveLength(2);
  });

  it('waits exactly Retry-After on each 429', async () => {
    server.answer(
      problemAnswer(429, { 'retry-after': '1' }),
      problemAnswer(429, { 'retry-after': '3' }),
      ok,
    );
    const { fetchWithRetry, delays } = retrying();
    expect((await fetchWithRetry(`${server.url}/x`)).status).toBe(200);
    expect(delays).toEqual([1000, 3000]);
  });

  it('counts a Retry-After date from the Date of the response', async () => {
    server.answer(
      problemAnswer(503, {
        date: 'Wed, 02 Dec 2026 07:00:00 GMT',
        'retry-after': 'Wed, 02 Dec 2026 07:00:07 GMT',
      }),
      ok,
    );
    const { fetchWithRetry, delays } = retrying();
    await fetchWithRetry(`${server.url}/x`);
    expect(delays).toEqual([7000]);
  });

  it('counts a Retry-After date from its clock when the response has no Date', async () => {
    server.answer(
      {
        ...problemAnswer(429, { 'retry-after': 'Wed, 02 Dec 2026 07:00:04 GMT' }),
        withoutDate: true,
      },
      ok,
    );
    const { fetchWithRetry, delays } = retrying({ now: () => Date.UTC(2026, 11, 2, 7, 0, 0) });
    await fetchWithRetry(`${server.url}/x`);
    expect(delays).toEqual([4000]);
  });

  it('backs off exponentially with full jitter on 500, 502 and a 503 without Retry-After', async () => {
    server.answer(problemAnswer(500), problemAnswer(502), problemAnswer(503), ok);
    const { fetchWithRetry, delays } = retrying({ attempts: 4, baseDelay: 100 });
    expect((await fetchWithRetry(`${server.url}/x`)).status).toBe(200);
    // random() is 0.5: half of 100, 200, 400.
    expect(delays).toEqual([50, 100, 200]);
  });

  it('draws each wait between 0 and the ceiling, which maxDelay caps', async () => {
    server.answer(problemAnswer(500), problemAnswer(500), problemAnswer(500), ok);
    const draws = [0, 0.999, 0.25];
    const { fetchWithRetry, delays } = retrying({
      attempts: 4,
      baseDelay: 1000,
      maxDelay: 1500,
      random: () => draws.shift()!,
    });
    await fetchWithRetry(`${server.url}/x`);
    expect(delays).toEqual([0, 0.999 * 1500, 0.25 * 1500]);
  });

  it('discards the body of each response it retries', async () => {
    server.answer(problemAnswer(500), ok);
    const { fetchWithRetry, responses } = retrying();
    const last = await fetchWithRetry(`${server.url}/x`);
    expect(responses.map((response) => response.bodyUsed)).toEqual([true, false]);
    expect(await last.json()).toEqual({ ok: true });
  });
});

describe('withRetry, where it stops', () => {
  it('returns the last response after `attempts` in all, its problem still readable', async () => {
    server.answer(
      problemAnswer(500),
      problemAnswer(500),
      problemAnswer(500, {}, { detail: 'third' }),
    );
    const { fetchWithRetry, delays } = retrying({ attempts: 3 });
    const response = await fetchWithRetry(`${server.url}/x`);
    expect(server.received).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect((await readProblem(response))?.detail).toBe('third');
  });

  it('does not retry a 4xx, nor a 429 that does not say when to come back', async () => {
    for (const answer of [problemAnswer(404), problemAnswer(429), problemAnswer(400)]) {
      server.answer(answer, ok);
      const { fetchWithRetry, delays } = retrying();
      expect((await fetchWithRetry(`${server.url}/x`)).status).toBe(answer.status);
      expect(delays).toEqual([]);
      server.reset();
    }
  });

  it('waits for a Retry-After of maxDelay, not for one beyond', async () => {
    server.answer(problemAnswer(503, { 'retry-after': '60' }), ok);
    const atMost = retrying({ maxDelay: 60_000 });
    expect((await atMost.fetchWithRetry(`${server.url}/x`)).status).toBe(200);
    expect(atMost.delays).toEqual([60_000]);

    server.answer(problemAnswer(503, { 'retry-after': '61' }), ok);
    const beyond = retrying({ maxDelay: 60_000 });
    expect((await beyond.fetchWithRetry(`${server.url}/x`)).status).toBe(503);
    expect(beyond.delays).toEqual([]);
  });

  it('retries only idempotent methods by default', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) {
      server.answer(problemAnswer(503), ok);
      const { fetchWithRetry } = retrying();
      expect((await fetchWithRetry(`${server.url}/x`, { method })).status).toBe(200);
    }
    server.answer(problemAnswer(503), ok);
    const { fetchWithRetry, delays } = retrying();
    const response = await fetchWithRetry(`${server.url}/x`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(delays).toEqual([]);
  });

  it('retries another method when told, sending the same body each time', async () => {
    server.answer(problemAnswer(502), problemAnswer(502), ok);
    const { fetchWithRetry } = retrying({ methods: ['post'] });
    const response = await fetchWithRetry(`${server.url}/v2/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"again"}',
    });
    expect(response.status).toBe(200);
    expect(server.received).toEqual([
      { method: 'POST', url: '/v2/datasets', body: '{"name":"again"}' },
      { method: 'POST', url: '/v2/datasets', body: '{"name":"again"}' },
      { method: 'POST', url: '/v2/datasets', body: '{"name":"again"}' },
    ]);
  });

  it('retries a Request given as it is, body included', async () => {
    server.answer(problemAnswer(500), ok);
    const { fetchWithRetry } = retrying();
    const request = new Request(`${server.url}/put`, { method: 'PUT', body: 'payload' });
    expect((await fetchWithRetry(request)).status).toBe(200);
    expect(server.received.map((received) => received.body)).toEqual(['payload', 'payload']);
  });
});

describe('withRetry and an AbortSignal', () => {
  it('rejects with the reason when the signal aborts during a wait, and sends nothing more', async () => {
    server.answer(problemAnswer(503, { 'retry-after': '30' }), ok);
    const controller = new AbortController();
    const reason = new Error('the user left');
    const fetchWithRetry = withRetry(fetch, {
      sleep: (ms, signal) => {
        const slept = wait(ms, signal);
        controller.abort(reason);
        return slept;
      },
    });
    await expect(fetchWithRetry(`${server.url}/x`, { signal: controller.signal })).rejects.toBe(
      reason,
    );
    expect(server.received).toHaveLength(1);
  });

  it('sends nothing once the signal has aborted', async () => {
    const fetchWithRetry = withRetry(fetch);
    const reason = new Error('too late');
    await expect(
      fetchWithRetry(`${server.url}/x`, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.received).toHaveLength(0);
  });

  it('waits on a real timer by default (Retry-After: 0)', async () => {
    server.answer(problemAnswer(429, { 'retry-after': '0' }), ok);
    expect((await withRetry(fetch)(`${server.url}/x`)).status).toBe(200);
  });
});

describe('wait, the default sleep', () => {
  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const slept = wait(3_600_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
  });

  it('resolves after its time and lets go of the signal', async () => {
    const controller = new AbortController();
    await expect(wait(0, controller.signal)).resolves.toBeUndefined();
    controller.abort(); // nothing listens any more: no rejection goes unhandled
  });
});

describe('withRetry options', () => {
  it.each([
    [{ attempts: 0 }, 'attempts must be a whole number from 1, got 0'],
    [{ attempts: 1.5 }, 'attempts must be a whole number from 1, got 1.5'],
    [{ baseDelay: -1 }, 'baseDelay must be a number of milliseconds, got -1'],
    [{ maxDelay: Number.NaN }, 'maxDelay must be a number of milliseconds, got NaN'],
    [
      { maxDelay: Number.POSITIVE_INFINITY },
      'maxDelay must be a number of milliseconds, got Infinity',
    ],
  ])('refuses %j at once', (options, message) => {
    expect(() => withRetry(fetch, options)).toThrow(new TypeError(`@faultline/client: ${message}`));
  });

  it('sends once with attempts: 1', async () => {
    server.answer(problemAnswer(503, { 'retry-after': '1' }));
    const { fetchWithRetry, delays } = retrying({ attempts: 1 });
    expect((await fetchWithRetry(`${server.url}/x`)).status).toBe(503);
    expect(delays).toEqual([]);
  });
});
