import { ProblemError } from '@faultline/core';
import { createProblemFlow, type TelemetrySpan, type TraceApi } from '@faultline/core/adapter';

/** A span that records what is done to it, or throws from every method. */
function recordingSpan(throwing = false) {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      if (throwing) throw new Error('tracer broke');
    };
  const span: TelemetrySpan = {
    spanContext: () => ({ traceId: '0af7651916cd43dd8448eb211c80319c' }),
    setAttribute: record('setAttribute'),
    setStatus: record('setStatus'),
    recordException: record('recordException'),
  };
  return { span, calls };
}

function flowWith(options: Record<string, unknown>, trace: TraceApi | undefined) {
  let loads = 0;
  const flow = createProblemFlow<string, string>(options, {
    where: '@faultline/test',
    describe: () => ({ method: 'GET', target: '/x' }),
    requestOf: (req) => req,
    loadTraceApi: () => {
      loads += 1;
      return trace;
    },
  });
  return { flow, loads: () => loads };
}

describe('the openTelemetry option', () => {
  it('marks the active span: error.type on every problem, ERROR status on a 5xx only', () => {
    const { span, calls } = recordingSpan();
    const { flow } = flowWith({}, { getActiveSpan: () => span });
    flow.answer(new ProblemError('ACCESS_DENIED'), 'req');
    expect(calls).toEqual([['setAttribute', 'error.type', 'ACCESS_DENIED']]);
    calls.length = 0;
    flow.answer(new ProblemError('SERVICE_UNAVAILABLE'), 'req');
    expect(calls).toEqual([
      ['setAttribute', 'error.type', '503'],
      ['setStatus', { code: 2 }],
    ]);
  });

  it("records a 5xx's error as an exception only with recordException", () => {
    const { span, calls } = recordingSpan();
    const { flow } = flowWith(
      { openTelemetry: { recordException: true } },
      { getActiveSpan: () => span },
    );
    const crash = new Error('db');
    flow.answer(crash, 'req');
    expect(calls).toContainEqual(['recordException', crash]);
    calls.length = 0;
    flow.answer(new ProblemError('ACCESS_DENIED'), 'req');
    expect(calls.map(([name]) => name)).toEqual(['setAttribute']);
  });

  it('never lets a broken tracer change the answer', () => {
    const { span } = recordingSpan(true);
    const { flow } = flowWith({ traceId: true }, { getActiveSpan: () => span });
    const { answer } = flow.answer(new ProblemError('ACCESS_DENIED'), 'req');
    expect(answer.status).toBe(403);
    const broken = flowWith(
      { traceId: true },
      {
        getActiveSpan: () => {
          throw new Error('no context');
        },
      },
    ).flow;
    const body = JSON.parse(broken.answer(new Error('x'), 'req').answer.payload);
    expect(body).toMatchObject({ status: 500, trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('loads @opentelemetry/api once, and not at all when turned off or when nothing needs it', () => {
    expect(flowWith({}, undefined).loads()).toBe(1);
    expect(flowWith({ traceId: true }, undefined).loads()).toBe(1);
    expect(flowWith({ openTelemetry: false }, undefined).loads()).toBe(0);
    expect(flowWith({ openTelemetry: false, traceId: true }, undefined).loads()).toBe(1);
  });

  it.each([
    [{ openTelemetry: 'on' }, 'option openTelemetry must be a boolean or { recordException }'],
    [{ openTelemetry: { recordException: 1 } }, 'option openTelemetry.recordException must be'],
    [
      { openTelemetry: { recordExceptions: true } },
      'unknown option openTelemetry.recordExceptions',
    ],
    [{ opentelemetry: true }, 'did you mean "openTelemetry"?'],
  ])('refuses %j at start-up', (options, message) => {
    expect(() => flowWith(options, undefined)).toThrow(message);
  });
});
