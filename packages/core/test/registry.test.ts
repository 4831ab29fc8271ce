import { defaultRegistry, defineProblems, ProblemError } from '@faultline/core';

describe('defineProblems', () => {
  const problems = defineProblems({
    typeBase: 'https://api.example.com/docs/errors',
    types: {
      402: { slug: 'payment-required', title: 'Payment Required', code: 'PAYMENT_REQUIRED' },
    },
    codes: { PAYMENT_REQUIRED: 402, DATASET_LOCKED: 423 },
  });

  it("adds the application's codes and types to the default catalogue", () => {
    const error = new problems.ProblemError('PAYMENT_REQUIRED', { detail: 'Top up.' });
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({
      status: 402,
      code: 'PAYMENT_REQUIRED',
      title: 'Payment Required',
      type: 'https://api.example.com/docs/errors#payment-required',
      detail: 'Top up.',
      message: 'Top up.',
      name: 'ProblemError',
    });
    expect(problems.registry.codes).toContain('RESOURCE_NOT_FOUND');
    expect(problems.registry.codes).toContain('DATASET_LOCKED');
  });

  it('answers a code whose status has no type of its own with about:blank and the reason phrase', () => {
    const error = new problems.ProblemError('DATASET_LOCKED');
    expect(error).toMatchObject({ status: 423, title: 'Locked', type: 'about:blank' });
  });

  it('builds type URIs with a function when given one', () => {
    const custom = defineProblems({
      typeBase: ({ slug, status }) => `https://errors.example/${status}/${slug}`,
    });
    expect(custom.registry.byStatus(404).type).toBe(
      'https://errors.example/404/resource-not-found',
    );
  });

  it('resolves every error status, with no code for 5xx', () => {
    expect(defaultRegistry.byStatus(418)).toEqual({
      status: 418,
      title: "I'm a teapot",
      type: 'about:blank',
      code: 'IM_A_TEAPOT',
    });
    expect(defaultRegistry.byStatus(599)).toEqual({
      status: 599,
      title: 'Server Error',
      type: 'about:blank',
      code: undefined,
    });
    expect(defaultRegistry.byStatus(499).code).toBe('CLIENT_ERROR');
  });

  it('keeps the default catalogue unchanged', () => {
    expect(() => new ProblemError('PAYMENT_REQUIRED' as never)).toThrow(
      /unknown error code "PAYMENT_REQUIRED"/,
    );
  });

  it.each([
    [{ typeBase: 'not a uri' }, /typeBase must be an absolute URI/],
    [{ typeBase: 'https://x.example/errors#frag' }, /typeBase/],
    [{ typeBase: 42 }, /typeBase/],
    [{ typeBase: () => '' }, /typeBase function returned/],
    [{ codes: { RESOURCE_NOT_FOUND: 404 } }, /"RESOURCE_NOT_FOUND" is already defined/],
    [{ codes: { lower_case: 400 } }, /UPPER_SNAKE_CASE/],
    [{ codes: { OK_CODE: 200 } }, /status 200; it must be an integer from 400 to 599/],
    [{ codes: { BIG: 600 } }, /status 600/],
    [{ codes: { FRACTION: 404.5 } }, /status 404.5/],
    [{ types: { 404: { slug: 'x', title: 'X' } } }, /type for status 404 is already defined/],
    [
      { types: { 402: { slug: 'resource-not-found', title: 'X' } } },
      /slug "resource-not-found" is already used/,
    ],
    [{ types: { 402: { slug: 'Bad Slug', title: 'X' } } }, /kebab slug/],
    [{ types: { 402: { slug: 'payment', title: ' ' } } }, /non-empty title/],
    [{ types: { 302: { slug: 'found', title: 'Found' } } }, /status 302/],
    [
      { types: { 402: { slug: 'payment', title: 'P', code: 'RESOURCE_NOT_FOUND' } } },
      /not a 402 code/,
    ],
  ])('rejects a bad definition at definition time: %p', (definition, message) => {
    expect(() => defineProblems(definition as never)).toThrow(message);
  });
});

describe('ProblemError', () => {
  it('is an Error with a stack, a name and the cause kept for logs', () => {
    const cause = new Error('db');
    const error = new ProblemError('RESOURCE_NOT_FOUND', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.stack).toContain('ProblemError');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('Not Found');
  });

  it('skips the stack when asked to, without changing the global limit', () => {
    const limit = Error.stackTraceLimit;
    const error = new ProblemError('RESOURCE_NOT_FOUND', { captureStack: false });
    expect(error.stack).toBe('ProblemError: Not Found');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it.each([
    [{ extensions: { status: 200 } }, /extension "status" would override/],
    [{ extensions: { error_code: 'X' } }, /extension "error_code"/],
    [{ retryAfter: -5 }, /retryAfter/],
    [{ retryAfter: 1.5 }, /retryAfter/],
    [{ allow: ['GET', 'BAD METHOD'] }, /not an HTTP method/],
    [{ headers: { 'X-A': 'a\r\nb' } }, /header "X-A"/],
    [{ headers: { 'Bad Name': 'a' } }, /header "Bad Name"/],
    [{ detail: 42 }, /detail must be a string/],
    [{ instance: {} }, /instance must be a string/],
  ])('rejects bad options where they are given: %p', (options, message) => {
    expect(() => new ProblemError('METHOD_NOT_ALLOWED', options as never)).toThrow(message);
  });
});
