import { defaultCatalogue, defaultRegistry, defineProblems, ProblemError } from '@faultline/core';

describe('defineProblems', () => {
  const problems = defineProblems({
    typeBase: 'https://api.example.com/docs/errors',
    types: {
      402: { slug: 'payment-required', title: 'Payment Required', code: 'PAYMENT_REQUIRED' },
    },
    codes: {
      PAYMENT_REQUIRED: 402,
      DATASET_LOCKED: {
        status: 423,
        type: { slug: 'dataset-locked', title: 'Dataset Locked', description: 'Being imported.' },
      },
      DATASET_ARCHIVED: {
        status: 409,
        type: { slug: 'dataset-archived', title: 'Dataset Archived' },
      },
      NAME_TAKEN: 409,
    },
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

  it('gives a code with a type of its own that type, on a status with or without one', () => {
    expect(new problems.ProblemError('DATASET_LOCKED')).toMatchObject({
      status: 423,
      title: 'Dataset Locked',
      type: 'https://api.example.com/docs/errors#dataset-locked',
    });
    expect(new problems.ProblemError('DATASET_ARCHIVED')).toMatchObject({
      status: 409,
      title: 'Dataset Archived',
      type: 'https://api.example.com/docs/errors#dataset-archived',
    });
  });

  it("gives a code without a type of its own its status's type", () => {
    expect(new problems.ProblemError('NAME_TAKEN')).toMatchObject({
      status: 409,
      title: 'Conflict',
      type: 'https://api.example.com/docs/errors#resource-conflict',
    });
    // An error with only the status gets the status's own code, not a code with its own type.
    expect(problems.registry.byStatus(409).code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(problems.registry.byStatus(423)).toMatchObject({ type: 'about:blank', code: 'LOCKED' });
  });

  it('lists every problem type with the codes that answer with it, for its documentation', () => {
    const conflict = problems.registry.types.find((type) => type.slug === 'resource-conflict');
    expect(conflict).toEqual({
      slug: 'resource-conflict',
      title: 'Conflict',
      type: 'https://api.example.com/docs/errors#resource-conflict',
      status: 409,
      description: defaultCatalogue.types[409].description,
      causes: [...defaultCatalogue.types[409].causes],
      fix: defaultCatalogue.types[409].fix,
      retryable: false,
      codes: ['RESOURCE_ALREADY_EXISTS', 'NAME_TAKEN'],
    });
    expect(problems.registry.types.find((type) => type.slug === 'dataset-locked')).toEqual({
      slug: 'dataset-locked',
      title: 'Dataset Locked',
      type: 'https://api.example.com/docs/errors#dataset-locked',
      status: 423,
      description: 'Being imported.',
      codes: ['DATASET_LOCKED'],
    });
    const listed = problems.registry.types.flatMap((type) => type.codes);
    expect(new Set(listed)).toEqual(new Set(problems.registry.codes));
  });

  it('without a type base, answers every code with about:blank and the reason phrase', () => {
    const plain = defineProblems({
      codes: {
        DATASET_LOCKED: 423,
        DATASET_ARCHIVED: { status: 409, type: { slug: 'a', title: 'A' } },
      },
    });
    expect(new plain.ProblemError('DATASET_LOCKED')).toMatchObject({
      title: 'Locked',
      type: 'about:blank',
    });
    expect(new plain.ProblemError('DATASET_ARCHIVED')).toMatchObject({
      title: 'Conflict',
      type: 'about:blank',
    });
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
    [
      { types: { 404: { slug: 'x', title: 'X' } } },
      /type for status 404 is already defined; give the codes/,
    ],
    [
      { typeBase: 'https://x.example/e', codes: { DATASET_LOCKED: 423 } },
      /error code "DATASET_LOCKED" \(status 423\) has no problem type.*types: \{ 423: \{ slug, title \} \}/,
    ],
    [
      { codes: { APP: { status: 409, type: { slug: 'resource-conflict', title: 'X' } } } },
      /slug "resource-conflict" of error code "APP" is already used/,
    ],
    [
      { codes: { APP: { status: 409, type: { slug: 'Bad', title: 'X' } } } },
      /problem type of error code "APP" needs a lower-case kebab slug/,
    ],
    [
      { codes: { APP: { status: 409, type: { slug: 'ok', title: '' } } } },
      /error code "APP" needs a non-empty title/,
    ],
    [
      { codes: { APP: { status: 409, type: { slug: 'ok', title: 'T', description: 3 } } } },
      /description that is not a string/,
    ],
    [{ codes: { APP: { status: 200 } } }, /error code "APP" has status 200/],
    [
      { codes: { APP: { status: 409, tpye: { slug: 'app', title: 'App' } } } },
      /error code "APP" has an unknown member "tpye"; a code is \{ status, type\? \}/,
    ],
    [
      { codes: { APP: { status: 409, type: { slug: 'app', title: 'App', titel: 'x' } } } },
      /problem type of error code "APP" has an unknown member "titel"/,
    ],
    [{ codes: { APP: { status: 409, type: 'app' } } }, /must be an object \{ slug, title/],
    [
      { types: { 402: { slug: 'resource-not-found', title: 'X' } } },
      /slug "resource-not-found" of the problem type of status 402 is already used by the problem type of status 404/,
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
    const error = new ProblemError('SERVICE_UNAVAILABLE', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.stack).toMatch(/^ProblemError: Service Unavailable\n\s+at /);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('Service Unavailable');
  });

  it('skips the stack when asked to, without changing the global limit', () => {
    const limit = Error.stackTraceLimit;
    const error = new ProblemError('RESOURCE_NOT_FOUND', { captureStack: false });
    expect(error.stack).toBe('ProblemError: Not Found');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  describe('stack policy of a defined class', () => {
    const framesOf = (error: Error) => (error.stack ?? '').split('\n').slice(1);

    it("captures stacks for 5xx only under 'server-errors'", () => {
      const { ProblemError: AppError } = defineProblems({ stackPolicy: 'server-errors' });
      expect(AppError.stackPolicy).toBe('server-errors');
      expect(framesOf(new AppError('RESOURCE_NOT_FOUND'))).toEqual([]);
      expect(framesOf(new AppError('RATE_LIMIT_EXCEEDED'))).toEqual([]);
      expect(framesOf(new AppError('SERVICE_UNAVAILABLE')).length).toBeGreaterThan(0);
      expect(framesOf(new AppError('INTERNAL_SERVER_ERROR')).length).toBeGreaterThan(0);
    });

    it('applies to codes the application defines, by their status', () => {
      const { ProblemError: AppError } = defineProblems({
        codes: { PAYMENT_REQUIRED: 402, LEDGER_OFFLINE: 503 },
        stackPolicy: 'server-errors',
      });
      expect(framesOf(new AppError('PAYMENT_REQUIRED'))).toEqual([]);
      expect(framesOf(new AppError('LEDGER_OFFLINE')).length).toBeGreaterThan(0);
    });

    it('gives way to the captureStack of a throw', () => {
      const { ProblemError: Quiet } = defineProblems({ stackPolicy: false });
      const { ProblemError: ServerOnly } = defineProblems({ stackPolicy: 'server-errors' });
      expect(framesOf(new Quiet('INTERNAL_SERVER_ERROR'))).toEqual([]);
      expect(
        framesOf(new Quiet('RESOURCE_NOT_FOUND', { captureStack: true })).length,
      ).toBeGreaterThan(0);
      expect(
        framesOf(new ServerOnly('ACCESS_DENIED', { captureStack: true })).length,
      ).toBeGreaterThan(0);
      expect(framesOf(new ServerOnly('BAD_GATEWAY', { captureStack: false }))).toEqual([]);
    });

    it('leaves the default class and the global limit alone', () => {
      const limit = Error.stackTraceLimit;
      const { ProblemError: AppError } = defineProblems({ stackPolicy: true });
      expect(framesOf(new AppError('RESOURCE_NOT_FOUND')).length).toBeGreaterThan(0);
      expect(ProblemError.stackPolicy).toBe('server-errors');
      expect(framesOf(new ProblemError('RESOURCE_NOT_FOUND'))).toEqual([]);
      expect(Error.stackTraceLimit).toBe(limit);
    });

    it('skips the stack of an expected 4xx by default, and keeps every 5xx stack', () => {
      const { ProblemError: AppError } = defineProblems();
      for (const ErrorClass of [ProblemError, AppError]) {
        expect(framesOf(new ErrorClass('RESOURCE_NOT_FOUND'))).toEqual([]);
        expect(framesOf(new ErrorClass('RATE_LIMIT_EXCEEDED'))).toEqual([]);
        expect(framesOf(new ErrorClass('INTERNAL_SERVER_ERROR')).length).toBeGreaterThan(0);
        expect(framesOf(new ErrorClass('SERVICE_UNAVAILABLE')).length).toBeGreaterThan(0);
      }
    });

    it('captures every stack when the application asks, or when one throw does', () => {
      const { ProblemError: AppError } = defineProblems({ stackPolicy: true });
      expect(framesOf(new AppError('ACCESS_DENIED')).length).toBeGreaterThan(0);
      expect(
        framesOf(new ProblemError('ACCESS_DENIED', { captureStack: true })).length,
      ).toBeGreaterThan(0);
    });

    it.each([
      ['4xx', "'4xx'"],
      [1, '1'],
      [null, 'null'],
      [10n, '10'],
      [Symbol('on'), 'Symbol(on)'],
    ])('rejects stackPolicy %p at definition time, naming it', (policy, shown) => {
      expect(() => defineProblems({ stackPolicy: policy as never })).toThrow(
        `@faultline/core: stackPolicy must be true, false or 'server-errors'; got ${shown}`,
      );
    });
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
