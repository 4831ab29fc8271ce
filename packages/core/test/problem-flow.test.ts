import { ProblemError } from '@faultline/core';
import { createProblemFlow, type LogEntry, routeNotFound } from '@faultline/core/adapter';

/** A request as a made-up framework hands it over. */
interface FakeRequest {
  readonly method: string;
  readonly url: string;
}

const request = (method = 'GET', url = '/items/7?q=secret'): FakeRequest => ({ method, url });

function flowWith(options: Record<string, unknown> = {}, classify?: (value: unknown) => unknown) {
  return createProblemFlow<FakeRequest, FakeRequest>(options, {
    where: '@faultline/test',
    describe: (req) => ({ method: req.method, target: req.url }),
    requestOf: (req) => req,
    ...(classify === undefined ? {} : { classify: (value: unknown) => classify(value) }),
  });
}

const body = (payload: string) => JSON.parse(payload) as Record<string, unknown>;
const messages = (logs: readonly LogEntry[]) => logs.map((entry) => [entry.level, entry.message]);

describe('the flow every adapter runs a failure through', () => {
  it("runs the application's mappers before the adapter's classification, so the application wins", () => {
    const seen: unknown[] = [];
    const flow = flowWith(
      {
        mappers: [
          (error: unknown) => (error === 'mine' ? new ProblemError('ACCESS_DENIED') : undefined),
        ],
      },
      (value) => {
        seen.push(value);
        return value === 'framework' ? new ProblemError('PAYLOAD_TOO_LARGE') : value;
      },
    );
    expect(flow.answer('mine', request()).answer.status).toBe(403);
    expect(flow.answer('framework', request()).answer.status).toBe(413);
    expect(seen[0]).toBeInstanceOf(ProblemError);
    expect(seen[1]).toBe('framework');
  });

  it('logs one record per answer: 4xx at info, 5xx at error, without the query string', () => {
    const flow = flowWith();
    const notFound = flow.answer(new ProblemError('RESOURCE_NOT_FOUND'), request());
    expect(notFound.logs).toEqual([
      {
        level: 'info',
        record: {
          err: expect.any(ProblemError),
          status: 404,
          error_code: 'RESOURCE_NOT_FOUND',
          method: 'GET',
          url: '/items/7',
        },
        message: 'GET /items/7 answered 404',
      },
    ]);
    const crash = new Error('db');
    expect(flow.answer(crash, request('POST')).logs).toEqual([
      {
        level: 'error',
        record: { err: crash, status: 500, method: 'POST', url: '/items/7' },
        message: 'POST /items/7 failed with 500',
      },
    ]);
  });

  it('logs at the configured levels, and not at all when silent', () => {
    const flow = flowWith({ logLevel4xx: 'silent', logLevel5xx: 'fatal' });
    expect(flow.answer(new ProblemError('ACCESS_DENIED'), request()).logs).toEqual([]);
    expect(messages(flow.answer(new Error('x'), request()).logs)).toEqual([
      ['fatal', 'GET /items/7 failed with 500'],
    ]);
  });

  it('logs a framework signal the adapter turned into a problem as that problem', () => {
    const signal = { type: 'entity.parse.failed', body: '{"password":"hunter2"' };
    const problem = new ProblemError('VALIDATION_ERROR', { cause: signal });
    const flow = flowWith({}, (value) => (value === signal ? problem : value));
    expect(flow.answer(signal, request()).logs[0]?.record.err).toBe(problem);
  });

  it('answers 500 when a mapper throws, and logs the mapper failure before the answer', () => {
    const bug = new Error('mapper bug');
    const flow = flowWith({
      mappers: [
        () => {
          throw bug;
        },
      ],
    });
    const { answer, logs } = flow.answer(new ProblemError('ACCESS_DENIED'), request());
    expect(answer.status).toBe(500);
    expect(body(answer.payload).detail).toBe('An unexpected error occurred.');
    expect(messages(logs)).toEqual([
      ['error', 'GET /items/7: an error mapper threw; answered 500'],
      ['error', 'GET /items/7 failed with 500'],
    ]);
    expect(logs[0]?.record.err).toBe(bug);
  });

  it('answers the original problem without instance when the instance function throws', () => {
    const flow = flowWith({
      instance: () => {
        throw new Error('instance bug');
      },
    });
    const { answer, logs } = flow.answer(new ProblemError('ACCESS_DENIED'), request());
    expect(answer.status).toBe(403);
    expect(body(answer.payload)).not.toHaveProperty('instance');
    expect(messages(logs)).toEqual([
      ['error', 'GET /items/7: the instance option threw; answered without instance'],
      ['info', 'GET /items/7 answered 403'],
    ]);
  });

  it('takes instance: true from the request path, encoded, without the query', () => {
    const flow = flowWith({ instance: true });
    const { answer } = flow.answer(new ProblemError('ACCESS_DENIED'), request('GET', '/a b?x=1'));
    expect(body(answer.payload).instance).toBe('/a%20b');
  });

  it('answers the static 500 when the problem cannot be serialised, and says why', () => {
    const flow = flowWith();
    const hostile = new ProblemError('ACCESS_DENIED', {
      extensions: {
        balance: {
          toJSON() {
            throw new Error('no');
          },
        },
      },
    });
    const { answer, logs } = flow.answer(hostile, request());
    expect(answer.status).toBe(500);
    expect(answer.payload).toBe(flow.fallback.payload);
    expect(messages(logs)).toEqual([
      ['error', 'GET /items/7: building the problem failed; answered 500'],
      ['error', 'GET /items/7 failed with 500'],
    ]);
  });

  describe('requests no route serves', () => {
    it('answers 404 when nothing serves the path, built once', () => {
      const flow = flowWith();
      const first = flow.unmatched(request(), [], true);
      const second = flow.unmatched(request('POST', '/other'), [], true);
      if ('options' in first || 'options' in second) throw new Error('expected problems');
      expect(first.answer).toBe(second.answer);
      expect(first.answer.status).toBe(404);
      expect(messages(second.logs)).toEqual([['info', 'POST /other answered 404']]);
    });

    it('answers 405 with exactly the methods served, HEAD only where served', () => {
      const flow = flowWith();
      const outcome = flow.unmatched(request('DELETE'), ['POST', 'GET'], true);
      if ('options' in outcome) throw new Error('expected a problem');
      expect(outcome.answer.headers.Allow).toBe('GET, POST');
      expect(body(outcome.answer.payload).detail).toBe(
        'The DELETE method is not allowed on this resource.',
      );
      const again = flow.unmatched(request('DELETE', '/x'), ['GET', 'POST'], true);
      if ('options' in again) throw new Error('expected a problem');
      expect(again.answer).toBe(outcome.answer);
    });

    it('answers OPTIONS with the Allow list when asked to, and 405 otherwise', () => {
      const flow = flowWith();
      expect(flow.unmatched(request('OPTIONS'), ['GET', 'HEAD'], true)).toEqual({
        options: 'GET, HEAD',
      });
      const refused = flow.unmatched(request('OPTIONS'), ['GET', 'HEAD'], false);
      expect('options' in refused ? 0 : refused.answer.status).toBe(405);
    });

    it('builds per request when the options make an answer depend on it', () => {
      const flow = flowWith({ instance: true });
      const first = flow.unmatched(request('GET', '/a'), [], true);
      const second = flow.unmatched(request('GET', '/b'), [], true);
      if ('options' in first || 'options' in second) throw new Error('expected problems');
      expect(body(first.answer.payload).instance).toBe('/a');
      expect(body(second.answer.payload).instance).toBe('/b');
    });

    it('keeps answering past the bound on kept 405 answers', () => {
      const flow = flowWith();
      for (let index = 0; index < 300; index++) {
        const outcome = flow.unmatched(request(`M${index}`), ['GET'], true);
        if ('options' in outcome) throw new Error('expected a problem');
        expect(body(outcome.answer.payload).detail).toBe(
          `The M${index} method is not allowed on this resource.`,
        );
      }
    });
  });

  it('answers a request the HTTP parser rejected with a whole response, once per code', () => {
    const flow = flowWith();
    const first = flow.parserRejected(new Error('big'), 'HPE_HEADER_OVERFLOW');
    expect(first.response).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(flow.parserRejected(new Error('again'), 'HPE_HEADER_OVERFLOW').response).toBe(
      first.response,
    );
    expect(first.log?.message).toBe(
      'rejected a request Node could not parse (HPE_HEADER_OVERFLOW)',
    );
  });

  it('says so when a client went away, and when a response had already started', () => {
    const flow = flowWith();
    expect(flow.abandoned(routeNotFound(), request('POST'))).toMatchObject({
      level: 'info',
      message: 'POST /items/7 was abandoned by the client',
      record: { status: 404 },
    });
    expect(flow.late(new Error('x'), request())).toMatchObject({
      level: 'error',
      message: 'GET /items/7 failed after its response started; closing the connection',
    });
  });
});
