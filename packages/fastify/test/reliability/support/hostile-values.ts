import { defaultCatalogue } from '@faultline/core';
import fc from 'fast-check';
import { problems } from '../../helpers';

/**
 * Written into every message and private text a thrown value carries: a 5xx body that contains
 * it has leaked what it must not show.
 */
export const MARKER = 'PRIVATE-7f3a9c';

/** A megabyte of private text. */
export const HUGE_MESSAGE = `${MARKER} ${'x'.repeat(1024 * 1024)}`;

/**
 * Something to throw: `make()` builds a fresh value at request time (some are one-shot, such
 * as a getter that changes its answer), and the label is what fast-check prints for a
 * counter-example, since printing a Proxy that throws on every trap would itself throw.
 */
export interface Thrown {
  readonly label: string;
  make(): unknown;
  /**
   * `value instanceof X` throws (a Proxy whose getPrototypeOf trap throws, a revoked Proxy).
   * Fastify 4's `reply.send` asks that of a hook's error before its error handler runs, and
   * throws: the request is never answered (Fastify 5 checks its error flag first).
   */
  readonly breaksInstanceof?: true;
}

function thrown(label: string, make: () => unknown, breaksInstanceof = false): Thrown {
  const value = { label, make, [fc.toStringMethod]: () => label };
  return (breaksInstanceof ? { ...value, breaksInstanceof: true } : value) as Thrown;
}

function printed(value: unknown): string {
  const text = fc.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function fromValue(value: unknown): Thrown {
  return thrown(printed(value), () => value);
}

function boom(): never {
  throw new Error(`${MARKER} from a trap`);
}

/** Every trap a Proxy can have, each one throwing. */
const throwingTraps: ProxyHandler<object> = {
  apply: boom,
  construct: boom,
  defineProperty: boom,
  deleteProperty: boom,
  get: boom,
  getOwnPropertyDescriptor: boom,
  getPrototypeOf: boom,
  has: boom,
  isExtensible: boom,
  ownKeys: boom,
  preventExtensions: boom,
  set: boom,
  setPrototypeOf: boom,
};

const readByCore = [
  'message',
  'stack',
  'name',
  'code',
  'status',
  'statusCode',
  'expose',
  'headers',
  'validation',
  'validationContext',
  'isBoom',
  'output',
  'detail',
  'instance',
  'extensions',
  'allow',
  'retryAfter',
  'cause',
  'errors',
  'toString',
  'toJSON',
  'valueOf',
  'then',
  'constructor',
];

/** Every property anything might read, as a getter that throws. */
function withThrowingGetters<T extends object>(target: T): T {
  // V8 formats an Error's stack lazily, reading `message`: format it while that still works.
  if (target instanceof Error) void target.stack;
  for (const key of readByCore) {
    Object.defineProperty(target, key, { get: boom, enumerable: true, configurable: true });
  }
  Object.defineProperty(target, Symbol.toPrimitive, { get: boom, configurable: true });
  return target;
}

function errorWith(message: unknown, members: Record<string, unknown> = {}): Error {
  const error = new Error(MARKER);
  Object.defineProperty(error, 'message', { value: message, writable: true, configurable: true });
  return Object.assign(error, members);
}

/** A value whose answer changes each time it is read: a first read passes, later ones differ. */
function shifting(values: readonly unknown[]): () => unknown {
  let reads = 0;
  return () => values[Math.min(reads++, values.length - 1)];
}

const brand = Symbol.for('faultline.problem-error');

/** Fastify's own codes, a few that do not exist, and what Node's network layer uses. */
export const FASTIFY_CODES = [
  'FST_ERR_VALIDATION',
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
  'FST_ERR_CTP_BODY_TOO_LARGE',
  'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_ROUTE_MISSING_CONTENT_TYPE',
  'FST_ERR_BAD_URL',
  'FST_ERR_MAX_PARAM_LENGTH',
  'FST_ERR_NOT_FOUND',
  'FST_ERR_HANDLER_TIMEOUT',
  'FST_ERR_SEND_UNDEFINED_ERR',
  'FST_ERR_BAD_STATUS_CODE',
  'FST_ERR_REP_ALREADY_SENT',
  'FST_ERR_ASYNC_CONSTRAINT',
  'FST_ERR_',
  'FST_ERR_DOES_NOT_EXIST',
  'ECONNRESET',
] as const;

const registryCodes = Object.keys(defaultCatalogue.codes);

/**
 * Hand-made hostile values, each built fresh: getters and Proxy traps that throw, revoked
 * proxies, cycles, BigInt, symbols, frozen errors, messages that are not strings or are huge,
 * `toString` that throws, statuses of every type, garbage validation arrays, fake `FST_ERR_*`
 * codes, forged and invalid problem errors.
 */
export const HAND_MADE: readonly Thrown[] = [
  thrown('getters that throw', () => withThrowingGetters({})),
  thrown('Error whose getters throw', () => withThrowingGetters(new Error(MARKER))),
  thrown('Proxy of an object, every trap throws', () => new Proxy({}, throwingTraps), true),
  thrown('Proxy of a function, every trap throws', () => new Proxy(() => {}, throwingTraps), true),
  thrown(
    'Proxy of an Error, every trap throws',
    () => new Proxy(new Error(MARKER), throwingTraps),
    true,
  ),
  thrown(
    'revoked Proxy',
    () => {
      const { proxy, revoke } = Proxy.revocable(new Error(MARKER), {});
      revoke();
      return proxy;
    },
    true,
  ),
  thrown('Error with a revoked Proxy as statusCode', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return errorWith(MARKER, { statusCode: proxy, headers: proxy, validation: proxy });
  }),
  thrown('circular object', () => {
    const value: Record<string, unknown> = { message: MARKER, statusCode: 404 };
    value.self = value;
    value.cause = value;
    return value;
  }),
  thrown('circular Error', () => {
    const error = errorWith(MARKER) as Error & { self?: unknown };
    error.self = error;
    error.cause = error;
    return error;
  }),
  thrown('BigInt', () => 10n ** 30n),
  thrown('Error with BigInt members', () => errorWith(1n, { statusCode: 404n, status: 500n })),
  thrown('symbol', () => Symbol(MARKER)),
  thrown('Error with a symbol message and status', () =>
    errorWith(Symbol(MARKER), { statusCode: Symbol('404') }),
  ),
  thrown('frozen Error', () => Object.freeze(errorWith(MARKER))),
  thrown('frozen 404 Error', () => Object.freeze(errorWith(MARKER, { statusCode: 404 }))),
  thrown('frozen plain 429', () => Object.freeze({ statusCode: 429, message: MARKER })),
  thrown('sealed 503 Error', () => Object.seal(errorWith(MARKER, { status: 503 }))),
  thrown('Error with a number message', () => errorWith(42)),
  thrown('Error with an object message', () => errorWith({ toString: boom })),
  thrown('Error with a null message', () => errorWith(null, { status: 418 })),
  thrown('Error with a Proxy message', () => errorWith(new Proxy({}, throwingTraps))),
  thrown('huge message', () => errorWith(HUGE_MESSAGE)),
  thrown('huge message on an exposed 5xx', () =>
    errorWith(HUGE_MESSAGE, { status: 500, expose: true }),
  ),
  thrown('huge message on an exposed 4xx', () =>
    errorWith(HUGE_MESSAGE, { status: 422, expose: true }),
  ),
  thrown('huge string', () => HUGE_MESSAGE),
  thrown('exposed 503 http-error', () => errorWith(MARKER, { status: 503, expose: true })),
  thrown('toString throws', () => Object.assign(errorWith(MARKER), { toString: boom })),
  thrown('toPrimitive throws', () => ({ [Symbol.toPrimitive]: boom, valueOf: boom })),
  thrown('statusCode "404"', () => errorWith(MARKER, { statusCode: '404' })),
  thrown('statusCode 404.5', () => errorWith(MARKER, { statusCode: 404.5 })),
  thrown('statusCode NaN', () => errorWith(MARKER, { statusCode: Number.NaN })),
  thrown('statusCode Infinity', () => errorWith(MARKER, { status: Number.POSITIVE_INFINITY })),
  thrown('statusCode 600', () => errorWith(MARKER, { statusCode: 600 })),
  thrown('statusCode 399', () => errorWith(MARKER, { statusCode: 399 })),
  thrown('statusCode -404', () => errorWith(MARKER, { statusCode: -404 })),
  thrown('statusCode [404]', () => errorWith(MARKER, { statusCode: [404] })),
  thrown('statusCode boxed', () => errorWith(MARKER, { statusCode: Object(404) })),
  thrown('statusCode valueOf', () => errorWith(MARKER, { statusCode: { valueOf: () => 404 } })),
  thrown('statusCode true', () => errorWith(MARKER, { statusCode: true })),
  thrown('status that changes on each read', () => {
    const error = errorWith(MARKER);
    Object.defineProperty(error, 'status', { get: shifting([404, 'x', 600, boom]) });
    return error;
  }),
  thrown('code that changes on each read', () => {
    const error = errorWith(MARKER, { validation: [] });
    Object.defineProperty(error, 'code', {
      get: shifting(['FST_ERR_VALIDATION', 'FST_ERR_CTP_BODY_TOO_LARGE', undefined]),
    });
    return error;
  }),
  thrown('object with a null prototype', () =>
    Object.assign(Object.create(null) as object, { statusCode: 409, message: MARKER }),
  ),
  thrown('function with a status', () => Object.assign(() => MARKER, { status: 404 })),
  thrown('array with a status', () => Object.assign([MARKER], { statusCode: 400 })),
  thrown('pending promise', () => new Promise(() => {})),
  thrown('thenable', () => ({
    // biome-ignore lint/suspicious/noThenProperty: a thenable is what is thrown here.
    then: (resolve: (value: unknown) => void) => resolve(MARKER),
  })),
  thrown('validation: garbage entries', () =>
    errorWith(MARKER, {
      code: 'FST_ERR_VALIDATION',
      validationContext: 'body',
      validation: [
        null,
        42,
        MARKER,
        { keyword: new Proxy({}, throwingTraps) },
        { keyword: 'required', params: withThrowingGetters({}) },
        { keyword: 'type', instancePath: 42, params: { type: 1n } },
        { keyword: 'enum', instancePath: '/a', params: { allowedValues: [1n, Symbol('x')] } },
        { keyword: 'minLength', instancePath: '%', params: { limit: { toString: boom } } },
        withThrowingGetters({}),
      ],
    }),
  ),
  thrown('validation: a lone surrogate in a pointer', () =>
    errorWith(MARKER, {
      validationContext: 'body',
      validation: [{ keyword: 'type', instancePath: '/\ud800', params: { type: 'string' } }],
    }),
  ),
  thrown('validation: not an array', () =>
    errorWith(MARKER, { code: 'FST_ERR_VALIDATION', validation: { length: 1, 0: {} } }),
  ),
  thrown('validation: a Proxy', () =>
    errorWith(MARKER, {
      validationContext: 'querystring',
      validation: new Proxy([], throwingTraps),
    }),
  ),
  thrown('validation: an unknown context', () =>
    errorWith(MARKER, {
      code: 'FST_ERR_VALIDATION',
      validationContext: '__proto__',
      validation: [{ keyword: 'required', instancePath: '', params: {} }],
    }),
  ),
  ...FASTIFY_CODES.map((code) =>
    thrown(`fake ${code}`, () => errorWith(MARKER, { code, statusCode: 500 })),
  ),
  thrown('fake FST code on a plain object', () => ({ code: 'FST_ERR_BAD_URL', message: MARKER })),
  thrown('Boom whose output throws', () => ({ isBoom: true, output: withThrowingGetters({}) })),
  thrown('Boom with a 5xx payload', () => ({
    isBoom: true,
    message: MARKER,
    output: { statusCode: 502, payload: { message: MARKER }, headers: {} },
  })),
  thrown('headers that throw', () =>
    errorWith(MARKER, { status: 429, headers: withThrowingGetters({}) }),
  ),
  thrown('headers as a Proxy', () =>
    errorWith(MARKER, { status: 401, headers: new Proxy({}, throwingTraps) }),
  ),
  thrown('headers with CR LF, NUL, controls and non-Latin-1', () =>
    errorWith(MARKER, {
      status: 429,
      headers: {
        'Retry-After': '1\r\nSet-Cookie: stolen=1',
        'X-Nul': 'a\0b',
        'X-Control': 'a\u0001b',
        'X-Wide': 'a\u0100b',
        'X-Bad\r\nName': 'v',
        'Content-Length': '0',
        'Transfer-Encoding': 'chunked',
      },
    }),
  ),
  thrown('forged ProblemError brand, no code', () => ({ [brand]: true, status: 'x' })),
  thrown('forged ProblemError brand, getters throw', () =>
    withThrowingGetters({ [brand]: true } as object),
  ),
  thrown('forged ProblemError brand, extensions Proxy', () => ({
    [brand]: true,
    code: 'VALIDATION_ERROR',
    extensions: new Proxy({}, throwingTraps),
  })),
  thrown(
    'ProblemError with hostile extensions',
    () =>
      new problems.ProblemError('INVALID_FIELD_VALUE', {
        extensions: {
          big: 1n,
          cycle: (() => {
            const cycle: Record<string, unknown> = {};
            cycle.cycle = cycle;
            return cycle;
          })(),
        },
      }),
  ),
  thrown(
    'ProblemError with an extension whose toJSON gives undefined',
    () =>
      new problems.ProblemError('VALIDATION_ERROR', {
        extensions: { when: { toJSON: () => undefined } },
      }),
  ),
  thrown(
    'ProblemError with an extension whose toJSON throws',
    () =>
      new problems.ProblemError('SERVICE_UNAVAILABLE', { extensions: { when: { toJSON: boom } } }),
  ),
];

const anythingOptions = {
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
  maxDepth: 3,
} as const;

const anything: fc.Arbitrary<Thrown> = fc.anything(anythingOptions).map(fromValue);
const handMade: fc.Arbitrary<Thrown> = fc.constantFrom(...HAND_MADE);

/** A member of a thrown object: usually a value of the kind expected there, else anything. */
function member(expected: fc.Arbitrary<unknown>): fc.Arbitrary<Thrown> {
  return fc.oneof(
    { weight: 4, arbitrary: expected.map(fromValue) },
    { weight: 1, arbitrary: anything },
    { weight: 1, arbitrary: handMade },
  );
}

const statusLike = fc.oneof(
  fc.integer({ min: 399, max: 600 }),
  fc.integer({ min: -1000, max: 2000 }),
  fc.constantFrom(0, 404.5, Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.bigInt({ min: 399n, max: 600n }),
  fc.integer({ min: 399, max: 600 }).map(String),
);

const headerName = fc.oneof(
  fc.constantFrom(
    'Retry-After',
    'WWW-Authenticate',
    'Allow',
    'Content-Type',
    'Content-Length',
    'Connection',
    'Transfer-Encoding',
    'Set-Cookie',
    'X-Trace',
  ),
  fc.string({ maxLength: 12 }),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.constantFrom(
    '60',
    '-1',
    '1.5',
    '1\r\nSet-Cookie: stolen=1',
    'a\0b',
    'a\u0001b',
    'é',
    '\u2028',
  ),
  fc.integer(),
  fc.double(),
);

const validationEntry = fc.record(
  {
    keyword: fc.oneof(
      fc.constantFrom(
        'required',
        'type',
        'enum',
        'const',
        'minLength',
        'maxLength',
        'minimum',
        'format',
        'pattern',
        'additionalProperties',
        'nope',
      ),
      fc.anything(),
    ),
    instancePath: fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.anything()),
    params: fc.oneof(
      fc.dictionary(
        fc.constantFrom(
          'missingProperty',
          'additionalProperty',
          'limit',
          'type',
          'allowedValues',
          'allowedValue',
          'comparison',
          'format',
        ),
        fc.anything(anythingOptions),
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

const validationLike = fc.array(fc.oneof(validationEntry, fc.anything()), { maxLength: 4 });

const errorMembers = {
  message: member(fc.string({ maxLength: 40 }).map((text) => `${MARKER} ${text}`)),
  statusCode: member(statusLike),
  status: member(statusLike),
  code: member(fc.oneof(fc.constantFrom(...FASTIFY_CODES, ...registryCodes), fc.string())),
  expose: member(fc.boolean()),
  headers: member(fc.dictionary(headerName, headerValue, { maxKeys: 4 })),
  validation: member(validationLike),
  validationContext: member(
    fc.constantFrom('body', 'params', 'querystring', 'headers', 'cookies', '__proto__'),
  ),
};

const errorKinds = [
  'plain object',
  'null-prototype object',
  'Error',
  'TypeError',
  'SyntaxError',
  'RangeError',
  'frozen Error',
] as const;

function base(kind: (typeof errorKinds)[number]): object {
  switch (kind) {
    case 'plain object':
      return {};
    case 'null-prototype object':
      return Object.create(null) as object;
    case 'TypeError':
      return new TypeError(MARKER);
    case 'SyntaxError':
      return new SyntaxError(MARKER);
    case 'RangeError':
      return new RangeError(MARKER);
    default:
      return new Error(MARKER);
  }
}

/**
 * An error-shaped value: some of the members Fastify, http-errors and core read, each of the
 * expected kind or anything at all, on a plain object or an Error.
 */
const errorLike: fc.Arbitrary<Thrown> = fc
  .tuple(fc.constantFrom(...errorKinds), fc.record(errorMembers, { requiredKeys: [] }))
  .map(([kind, members]) => {
    const entries = Object.entries(members) as [string, Thrown][];
    const label = `${kind} { ${entries.map(([key, value]) => `${key}: ${value.label}`).join(', ')} }`;
    return thrown(label, () => {
      const target = base(kind);
      for (const [key, value] of entries) {
        Object.defineProperty(target, key, {
          value: value.make(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return kind === 'frozen Error' ? Object.freeze(target) : target;
    });
  });

const extensionName = fc.string({ minLength: 1, maxLength: 10 }).filter(
  (name) =>
    !['status', 'title', 'type', 'detail', 'instance', 'error_code'].includes(name) &&
    // `errors` has a shape of its own in core's schema; `stack` is asserted absent from 5xx.
    name !== 'errors' &&
    name !== 'stack' &&
    name !== '__proto__',
);

/**
 * A `ProblemError` built with options of any kind: when the constructor refuses them (CR/LF in
 * a header, a method that is not a token, a `retryAfter` that is not seconds), what is thrown
 * is the constructor's `TypeError`, which must become a 500.
 */
const problemError: fc.Arbitrary<Thrown> = fc
  .record(
    {
      code: fc.constantFrom(...(registryCodes as (keyof typeof defaultCatalogue.codes)[])),
      detail: fc.string({ maxLength: 40 }),
      instance: fc.webPath(),
      extensions: fc.dictionary(extensionName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      retryAfter: fc.oneof(fc.nat(), fc.double()),
      allow: fc.array(
        fc.oneof(fc.constantFrom('GET', 'POST', 'get'), fc.string({ maxLength: 6 })),
        {
          maxLength: 3,
        },
      ),
      headers: fc.dictionary(headerName, fc.string({ maxLength: 10, unit: 'binary' }), {
        maxKeys: 2,
      }),
      captureStack: fc.boolean(),
    },
    { requiredKeys: ['code'] },
  )
  .map(({ code, ...options }) =>
    thrown(`new ProblemError(${code}, ${printed(options)})`, () => {
      try {
        return new problems.ProblemError(code, options as never);
      } catch (refused) {
        return refused;
      }
    }),
  );

/** Any thrown value: fast-check's `anything()`, error-shaped values, hand-made hostile ones. */
export const anyThrown: fc.Arbitrary<Thrown> = fc.oneof(
  { weight: 3, arbitrary: anything },
  { weight: 4, arbitrary: errorLike },
  { weight: 2, arbitrary: handMade },
  { weight: 2, arbitrary: problemError },
);

/**
 * What `reply.send(err)` treats as an error is an Error (anything else is a payload): a value
 * that is not one is sent as the `thrown` member of an Error.
 */
export function asSentError(value: Thrown): Thrown {
  return thrown(value.label, () => {
    const made = value.make();
    try {
      return made instanceof Error ? made : errorWith(MARKER, { thrown: made });
    } catch {
      // `instanceof` itself threw (a Proxy's getPrototypeOf): send it as it is.
      return made;
    }
  });
}

/** Errors for `reply.send(err)`: error-shaped values, hand-made ones, problem errors. */
export const anySentError: fc.Arbitrary<Thrown> = fc
  .oneof(
    { weight: 4, arbitrary: errorLike },
    { weight: 2, arbitrary: handMade },
    { weight: 2, arbitrary: problemError },
  )
  .map(asSentError);
