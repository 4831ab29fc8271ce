import { ProblemError } from '@faultline/core';
import { createProblemFlow, type TelemetrySpan, type TraceApi } from '@faultline/core/adapter';
import {
  asIfOpenTelemetryRegistered,
  setOpenTelemetryRegistered,
} from './fixtures/opentelemetry-global';

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
  asIfOpenTelemetryRegistered();

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

  it('loads @opentelemetry/api once, at the first problem, and not when nothing needs it', () => {
    const loadsAfterTwoProblems = (options: Record<string, unknown>) => {
      const { flow, loads } = flowWith(options, undefined);
      const atStartUp = loads();
      flow.answer(new ProblemError('ACCESS_DENIED'), 'req');
      flow.answer(new Error('x'), 'req');
      return [atStartUp, loads()];
    };
    expect(loadsAfterTwoProblems({})).toEqual([0, 1]);
    expect(loadsAfterTwoProblems({ traceId: true })).toEqual([0, 1]);
    expect(loadsAfterTwoProblems({ openTelemetry: false })).toEqual([0, 0]);
    expect(loadsAfterTwoProblems({ openTelemetry: false, traceId: true })).toEqual([0, 1]);
  });

  it('never loads @opentelemetry/api before an SDK registered itself, then marks spans', () => {
    setOpenTelemetryRegistered(false);
    const { span, calls } = recordingSpan();
    const { flow, loads } = flowWith({ traceId: true }, { getActiveSpan: () => span });
    const before = JSON.parse(flow.answer(new ProblemError('ACCESS_DENIED'), 'req').answer.payload);
    expect(loads()).toBe(0);
    expect(calls).toEqual([]);
    expect(before.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(before.trace_id).not.toBe('0af7651916cd43dd8448eb211c80319c');

    setOpenTelemetryRegistered(true);
    const after = JSON.parse(flow.answer(new ProblemError('ACCESS_DENIED'), 'req').answer.payload);
    expect(loads()).toBe(1);
    expect(calls).toEqual([['setAttribute', 'error.type', 'ACCESS_DENIED']]);
    expect(after.trace_id).toBe('0af7651916cd43dd8448eb211c80319c');
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
