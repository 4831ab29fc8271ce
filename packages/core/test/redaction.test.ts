import { defaultSensitiveFields, ProblemError, pinoRedactPaths, REDACTED } from '@faultline/core';
import { createProblemFlow, writeLog } from '@faultline/core/adapter';

interface FakeRequest {
  readonly body?: unknown;
  readonly query?: unknown;
  readonly authorization?: string;
}

function flowWith(redact: unknown) {
  return createProblemFlow<FakeRequest, FakeRequest>({ redact } as Record<string, unknown>, {
    where: '@faultline/test',
    describe: () => ({ method: 'POST', target: '/users' }),
    requestOf: (req) => req,
    headerOf: (req, name) => (name === 'authorization' ? req.authorization : undefined),
    inputsOf: (req) => [req.body, req.query],
  });
}

const body = (payload: string) => JSON.parse(payload) as Record<string, unknown>;

describe('redaction of sensitive request fields', () => {
  it('matches names whatever their case, - and _, at any depth of the body', () => {
    const flow = flowWith(true);
    const request = {
      body: { user: { API_KEY: 'k-123456', credentials: [{ 'card-number': '4111111111111111' }] } },
    };
    const { answer } = flow.answer(
      new ProblemError('VALIDATION_ERROR', {
        detail: 'Key k-123456 and card 4111111111111111 were refused.',
      }),
      request,
    );
    expect(body(answer.payload).detail).toBe(`Key ${REDACTED} and card ${REDACTED} were refused.`);
  });

  it('redacts the logged error: message, stack, properties and cause, keeping it an error', () => {
    const flow = flowWith(true);
    const cause = new Error('upstream said hunter22');
    const error = Object.assign(new Error('login failed for hunter22', { cause }), {
      body: '{"password":"hunter22"}',
      config: { headers: { Authorization: 'Basic dXNlcg==' } },
    });
    const { answer, logs } = flow.answer(error, { body: { password: 'hunter22' } });
    expect(answer.payload).not.toContain('hunter22');
    const logged = logs[0]?.record.err as Error & { body: string; config: unknown };
    expect(logged).toBeInstanceOf(Error);
    expect(logged).not.toBe(error);
    expect(logged.message).toBe(`login failed for ${REDACTED}`);
    expect(logged.stack).not.toContain('hunter22');
    expect(logged.body).toBe(`{"password":"${REDACTED}"}`);
    expect(logged.config).toEqual({ headers: { Authorization: REDACTED } });
    expect((logged.cause as Error).message).toBe(`upstream said ${REDACTED}`);
    // The error as thrown is left as it was.
    expect(error.message).toBe('login failed for hunter22');
  });

  it('redacts a logged error only when a logger writes it, never for a level it drops', () => {
    let walked = 0;
    const error = new Error('login failed for hunter22');
    Object.defineProperty(error, 'body', {
      enumerable: true,
      get: () => {
        walked += 1;
        return '{"password":"hunter22"}';
      },
    });
    const { logs } = flowWith(true).answer(error, { body: { password: 'hunter22' } });
    const written: unknown[] = [];
    const record = (entry: unknown) => written.push(entry);
    writeLog({ error: record, isLevelEnabled: () => false }, logs[0]);
    expect(walked).toBe(0);
    expect(written).toEqual([]);
    writeLog({ error: record, isLevelEnabled: (level) => level === 'error' }, logs[0]);
    expect(walked).toBe(1);
    expect((written[0] as { err: { message: string } }).err.message).toBe(
      `login failed for ${REDACTED}`,
    );
  });

  it('logs the thrown value itself when it holds nothing secret', () => {
    const error = new Error('db down');
    const { logs } = flowWith(true).answer(error, { body: { password: 'hunter22' } });
    expect(logs[0]?.record.err).toBe(error);
  });

  it('does not look for values shorter than three characters', () => {
    const { answer } = flowWith(true).answer(
      new ProblemError('VALIDATION_ERROR', { detail: 'Age must be 18 or more.' }),
      { body: { pin: '1', cvv: '18' } },
    );
    expect(body(answer.payload).detail).toBe('Age must be 18 or more.');
  });

  it('is off by default', () => {
    const { answer } = flowWith(undefined).answer(
      new ProblemError('VALIDATION_ERROR', { detail: 'hunter22' }),
      { body: { password: 'hunter22' } },
    );
    expect(body(answer.payload).detail).toBe('hunter22');
  });

  it.each([['password'], [[1]], [['']], [{}]])('refuses %j at start-up', (redact) => {
    expect(() => flowWith(redact)).toThrow('@faultline/test: option redact must be true or a list');
  });
});

describe('pinoRedactPaths', () => {
  it('gives each default name in its spellings, top-level and nested, and the credential headers', () => {
    const paths = pinoRedactPaths();
    for (const path of [
      'password',
      '*.password',
      '*.*.password',
      'apiKey',
      '*.api_key',
      '*.*.*.API_KEY',
      '*["api-key"]',
      'req.headers.authorization',
      'req.headers["x-api-key"]',
    ]) {
      expect(paths).toContain(path);
    }
    expect(defaultSensitiveFields).toContain('password');
  });

  it('takes a list of its own', () => {
    expect(pinoRedactPaths(['pinCode'])).toEqual(expect.arrayContaining(['pinCode', '*.pin_code']));
    expect(pinoRedactPaths(['pinCode'])).not.toContain('password');
  });
});
