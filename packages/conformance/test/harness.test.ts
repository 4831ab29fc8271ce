import { capturingLogger } from './support/capture-logger';
import { consensus } from './support/consensus';
import { describeCall } from './support/log-records';
import { comparableHeaders } from './support/observe';

/** The matrix's own machinery, checked, so that a failure in the matrix is the adapters'. */

describe('consensus', () => {
  it('takes each aspect from the majority, so the odd adapter is the one that fails', () => {
    const agreed = consensus([
      { status: 404, body: 'a' },
      { status: 404, body: 'b' },
      { status: 400, body: 'b' },
      { status: 404, body: 'b' },
    ]);
    expect(agreed).toEqual({ status: 404, body: 'b' });
  });

  it('breaks a tie in favour of the adapter listed first', () => {
    expect(consensus([{ status: 415 }, { status: 404 }])).toEqual({ status: 415 });
  });

  it('leaves out an aspect most adapters lack', () => {
    expect(consensus([{ status: 500 }, { status: 500 }, { startupError: 'TypeError' }])).toEqual({
      status: 500,
    });
  });
});

describe('the capturing logger', () => {
  it('records every level with the child bindings, and nothing for silent', () => {
    const capture = capturingLogger();
    const child = capture.logger.child({ reqId: 'req-1', tenant: 't' });
    child.info({ status: 404 }, 'one');
    child.silent({ status: 404 }, 'never');
    capture.logger.fatal('two');
    expect(capture.calls).toEqual([
      { level: 'info', bindings: { reqId: 'req-1', tenant: 't' }, args: [{ status: 404 }, 'one'] },
      { level: 'fatal', bindings: {}, args: ['two'] },
    ]);
  });

  it('throws from every method while throwing, after recording the call', () => {
    const capture = capturingLogger();
    capture.setThrowing(true);
    expect(() => capture.logger.child({}).error({}, 'x')).toThrow('the logger failed at error');
    expect(capture.calls).toHaveLength(1);
  });
});

describe('log records', () => {
  const thrown = new Error('thrown');

  it('names the thrown value by identity and drops the request bindings', () => {
    const record = describeCall(
      {
        level: 'error',
        bindings: { reqId: 'req-1', req: {}, res: {} },
        args: [{ err: thrown, status: 500, method: 'GET', url: '/x' }, 'GET /x failed with 500'],
      },
      [thrown],
    );
    expect(record).toEqual({
      level: 'error',
      msg: 'GET /x failed with 500',
      fields: { status: 500, method: 'GET', url: '/x' },
      err: 'the thrown value',
    });
  });

  it('describes any other err by its message, and a thrown undefined by identity', () => {
    const other = describeCall({ level: 'info', bindings: {}, args: [new Error('own')] }, [thrown]);
    expect(other.err).toEqual({ message: 'own' });
    const none = describeCall({ level: 'info', bindings: {}, args: [{ err: undefined }] }, [
      undefined,
    ]);
    expect(none.err).toBe('the thrown value');
    expect(describeCall({ level: 'info', bindings: {}, args: [{}] }, []).err).toBeUndefined();
  });
});

describe('compared headers', () => {
  it('are lower-cased and sorted, without the framework headers', () => {
    expect(
      comparableHeaders([
        ['X-Powered-By', 'Express'],
        ['Content-Type', 'application/problem+json'],
        ['Date', 'Tue, 01 Jul 2025 10:00:00 GMT'],
        ['allow', 'GET, HEAD'],
        ['Connection', 'close'],
      ]),
    ).toEqual([
      ['allow', 'GET, HEAD'],
      ['content-type', 'application/problem+json'],
    ]);
  });
});
