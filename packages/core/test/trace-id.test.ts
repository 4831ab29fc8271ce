import { ProblemError } from '@faultline/core';
import { createProblemFlow } from '@faultline/core/adapter';
import type { TraceApi } from '../src/telemetry';
import { traceIdFromTraceparent } from '../src/trace-id';
import { asIfOpenTelemetryRegistered } from './fixtures/opentelemetry-global';

interface FakeRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const VALID = `00-${TRACE}-00f067aa0ba902b7-01`;
const SPAN_TRACE = '0af7651916cd43dd8448eb211c80319c';

function flowWith(options: Record<string, unknown>, trace?: TraceApi) {
  return createProblemFlow<FakeRequest, FakeRequest>(options, {
    where: '@faultline/test',
    describe: (req) => ({ method: 'GET', target: req.url }),
    requestOf: (req) => req,
    headerOf: (req, name) => req.headers[name],
    loadTraceApi: () => trace,
  });
}

const request = (headers: Record<string, string> = {}): FakeRequest => ({ url: '/x', headers });
const body = (payload: string) => JSON.parse(payload) as Record<string, unknown>;

/** A tracer whose active span is `traceId`'s, as `@opentelemetry/api`'s `trace` would give it. */
function activeSpan(traceId: string): TraceApi {
  return {
    getActiveSpan: () => ({
      spanContext: () => ({ traceId }),
      setAttribute: () => undefined,
      setStatus: () => undefined,
      recordException: () => undefined,
    }),
  };
}

describe('traceparent (W3C Trace Context, version 00)', () => {
  it('gives the trace id of a valid header', () => {
    expect(traceIdFromTraceparent(VALID)).toBe(TRACE);
    expect(traceIdFromTraceparent(`  ${VALID} `)).toBe(TRACE);
    // A later version may carry more fields after a dash.
    expect(traceIdFromTraceparent(`01-${TRACE}-00f067aa0ba902b7-01-more`)).toBe(TRACE);
  });

  it.each([
    ['uppercase hex', `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero parent id', `00-${TRACE}-0000000000000000-01`],
    ['version ff', `ff-${TRACE}-00f067aa0ba902b7-01`],
    ['extra fields on version 00', `${VALID}-extra`],
    ['a short trace id', `00-${TRACE.slice(1)}-00f067aa0ba902b7-01`],
    ['two headers joined', `${VALID}, ${VALID}`],
    ['a script', `00-<script>-00f067aa0ba902b7-01`],
    ['nothing', ''],
  ])('ignores %s', (_what, header) => {
    expect(traceIdFromTraceparent(header)).toBeUndefined();
  });
});

describe('the traceId option', () => {
  asIfOpenTelemetryRegistered();

  it('puts the trace id of a valid traceparent in the body and in the log record', () => {
    const flow = flowWith({ traceId: true });
    const { answer, logs } = flow.answer(
      new ProblemError('RESOURCE_NOT_FOUND'),
      request({ traceparent: VALID }),
    );
    expect(body(answer.payload).trace_id).toBe(TRACE);
    expect(logs[0]?.record.trace_id).toBe(TRACE);
  });

  it('prefers the active span, and a 5xx carries the id too', () => {
    const flow = flowWith({ traceId: true }, activeSpan(SPAN_TRACE));
    const { answer, logs } = flow.answer(new Error('db'), request({ traceparent: VALID }));
    expect(answer.status).toBe(500);
    expect(body(answer.payload).trace_id).toBe(SPAN_TRACE);
    expect(logs[0]?.record.trace_id).toBe(SPAN_TRACE);
  });

  it('ignores an invalid span context and an invalid traceparent: the id is fresh, never echoed', () => {
    const invalid = `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`;
    const flow = flowWith({ traceId: true }, activeSpan('0'.repeat(32)));
    const first = body(flow.answer('x', request({ traceparent: invalid })).answer.payload);
    const second = body(flow.answer('x', request({ traceparent: invalid })).answer.payload);
    expect(first.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(first.trace_id).not.toBe(TRACE.toLowerCase());
    expect(first.trace_id).not.toBe(second.trace_id);
    expect(JSON.stringify(first)).not.toContain(TRACE.toUpperCase());
  });

  it('draws fresh ids from Web Crypto a pool at a time: distinct and valid across refills', () => {
    const getRandomValues = jest.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      const flow = flowWith({ traceId: true });
      const ids = Array.from(
        { length: 600 },
        () => body(flow.answer('x', request()).answer.payload).trace_id,
      );
      expect(new Set(ids).size).toBe(600);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
      // 16 bytes an id, 4096 bytes a draw: 600 ids take three draws, not 600.
      expect(getRandomValues).toHaveBeenCalledTimes(3);
    } finally {
      getRandomValues.mockRestore();
    }
  });

  it('never gives the invalid all-zero id, even from a generator that returns zeros', () => {
    const getRandomValues = jest
      .spyOn(globalThis.crypto, 'getRandomValues')
      .mockImplementation((array) => array);
    try {
      const flow = flowWith({ traceId: true });
      const id = body(flow.answer('x', request()).answer.payload).trace_id;
      expect(id).toBe(`${'0'.repeat(31)}1`);
    } finally {
      getRandomValues.mockRestore();
    }
  });

  it('names the member as asked; the unmatched and parser answers carry it too', () => {
    const flow = flowWith({ traceId: { member: 'traceId' } });
    const notFound = flow.unmatched(request({ traceparent: VALID }), [], false);
    expect('answer' in notFound && body(notFound.answer.payload).traceId).toBe(TRACE);
    const rejected = flow.parserRejected(new Error('bad'), 'HPE_INVALID_METHOD');
    expect(rejected.response).toMatch(/"traceId":"[0-9a-f]{32}"/);
    expect(rejected.log?.record.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('adds nothing when off', () => {
    const { answer, logs } = flowWith({}).answer('x', request({ traceparent: VALID }));
    expect(body(answer.payload)).not.toHaveProperty('trace_id');
    expect(logs[0]?.record).not.toHaveProperty('trace_id');
  });

  it.each([
    [{ traceId: 'yes' }, 'option traceId must be a boolean or { member }'],
    [{ traceId: { member: 'status' } }, 'option traceId.member must be'],
    [{ traceId: { member: 'trace-id' } }, 'option traceId.member must be'],
    [{ traceId: { member: 'id' } }, 'option traceId.member must be'],
    [{ traceId: { membr: 'x' } }, 'unknown option traceId.membr'],
    [{ traceID: true }, 'did you mean "traceId"?'],
  ])('refuses %j at start-up', (options, message) => {
    expect(() => flowWith(options)).toThrow(message);
  });
});
