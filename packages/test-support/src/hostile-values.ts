import { type DefaultErrorCode, defaultCatalogue, ProblemError } from '@faultline/core';
import fc from 'fast-check';

/**
 * Written into every message and private text a hostile value carries: a 5xx body that
 * contains it has leaked what it must not show.
 */
export const MARKER = 'PRIVATE-7f3a9c';

/** Four megabytes of private text. */
export const HUGE_TEXT = `${MARKER} ${'x'.repeat(4 * 1024 * 1024)}`;

/**
 * Something to throw. `make()` builds a fresh value each time (some are one-shot, such as a
 * getter that changes its answer), and `label` is what fast-check prints for a counter-example,
 * since printing a Proxy that throws on every trap would itself throw.
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
  /**
   * A `ProblemError`, or a value branded as one: the application chose its members, so even a
   * 5xx may carry a detail or extensions, and serialising them may fail (the static 500).
   */
  readonly problemError?: true;
  /**
   * An array of length 2^32-1 (sparse): code that walks it index by index spins for minutes.
   * Thrown as it is, it is fair game; it is kept out of the members of generated error-like
   * values, where Fastify's adapter walks a `validation` array that way (a known defect, kept as
   * a todo in the Fastify adapter's thrown-values test).
   */
  readonly hugeLength?: true;
}

interface Flags {
  readonly breaksInstanceof?: true;
  readonly problemError?: true;
  readonly hugeLength?: true;
}

/** A hostile value to throw, built by `make` each time it is thrown. */
export function thrown(label: string, make: () => unknown, flags: Flags = {}): Thrown {
  return { label, make, ...flags, [fc.toStringMethod]: () => label } as Thrown;
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
export const throwingTraps: ProxyHandler<object> = {
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

/** Every member the core, the adapters, Express, Fastify or a logger might read of an error. */
const READ_MEMBERS: readonly PropertyKey[] = [
  'message',
  'stack',
  'name',
  'code',
  'type',
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
  Symbol.toPrimitive,
  Symbol.toStringTag,
];

/** Each of these members (by default every one anything might read) as a getter that throws. */
export function withThrowingGetters<T extends object>(
  target: T,
  members: readonly PropertyKey[] = READ_MEMBERS,
): T {
  // V8 formats an Error's stack lazily, reading `message`: format it while that still works.
  if (target instanceof Error) void target.stack;
  for (const key of members) {
    Object.defineProperty(target, key, {
      get: boom,
      // Copying an object (spread, Object.assign) reads its enumerable members: all but the
      // conversion hook are.
      enumerable: key !== Symbol.toPrimitive,
      configurable: true,
    });
  }
  return target;
}

/** An Error whose message is `message` (whatever its type), with these members. */
export function errorWith(message: unknown, members: Record<string, unknown> = {}): Error {
  const error = new Error(MARKER);
  Object.defineProperty(error, 'message', { value: message, writable: true, configurable: true });
  return Object.assign(error, members);
}

/** An Error carrying the private text, with these members. */
function privateError(members: Record<string, unknown> = {}): Error {
  return errorWith(`${MARKER} message`, members);
}

/** A value whose answer changes each time it is read: a first read passes, later ones differ. */
function shifting(values: readonly unknown[]): () => unknown {
  let reads = 0;
  return () => values[Math.min(reads++, values.length - 1)];
}

function revokedProxy(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** A rejected promise whose rejection is handled: only the thrown promise itself is hostile. */
function handledRejection(): Promise<never> {
  const promise = Promise.reject(privateError());
  promise.catch(() => {});
  return promise;
}

const brand = Symbol.for('faultline.problem-error');

/** Fastify's own codes, a few that do not exist, zlib's and Node's network layer's. */
export const ERROR_CODES = [
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
  'Z_DATA_ERROR',
  'ECONNRESET',
] as const;

/** The `type` body-parser gives each of its errors. */
export const BODY_PARSER_TYPES = [
  'entity.parse.failed',
  'entity.too.large',
  'parameters.too.many',
  'encoding.unsupported',
  'charset.unsupported',
  'request.aborted',
  'request.size.invalid',
  'querystring.parse.rangeError',
  'entity.verify.failed',
  'stream.not.readable',
] as const;

const registryCodes = Object.keys(defaultCatalogue.codes) as DefaultErrorCode[];

/** What can sit in `status` or `statusCode`, with its label (several print alike). */
const STATUS_VALUES: readonly (readonly [string, unknown])[] = [
  ['"404"', '404'],
  ['404.5', 404.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-404', -404],
  ['1e21', 1e21],
  ['404n', 404n],
  ['[404]', [404]],
  ['Object(404)', Object(404)],
  ['{ valueOf: () => 404 }', { valueOf: () => 404 }],
  ['true', true],
  ['null', null],
  ['600', 600],
  ['399', 399],
  ['0', 0],
  ['-0', -0],
  ['MAX_SAFE_INTEGER + 2', Number.MAX_SAFE_INTEGER + 2],
  ["Symbol('404')", Symbol('404')],
];

/**
 * Hand-made values chosen to break code that assumes an Error, or any well-behaved object:
 * getters and Proxy traps that throw, revoked proxies, cycles, BigInt, symbols, frozen and
 * sealed errors, messages that are not strings or are huge, `toString` that throws, statuses of
 * every type, hostile headers, garbage validation arrays, fake framework codes, body-parser-
 * and Boom-like shapes, promises and thenables, forged and unserialisable problem errors.
 */
export const HAND_MADE: readonly Thrown[] = [
  // Proxies and getters.
  thrown('Proxy of an object, every trap throws', () => new Proxy({}, throwingTraps), {
    breaksInstanceof: true,
  }),
  thrown('Proxy of a function, every trap throws', () => new Proxy(() => {}, throwingTraps), {
    breaksInstanceof: true,
  }),
  thrown('Proxy of an Error, every trap throws', () => new Proxy(privateError(), throwingTraps), {
    breaksInstanceof: true,
  }),
  thrown('revoked Proxy', () => revokedProxy(privateError()), { breaksInstanceof: true }),
  thrown('Error with a revoked Proxy as statusCode, headers and validation', () => {
    const proxy = revokedProxy({});
    return errorWith(MARKER, { statusCode: proxy, headers: proxy, validation: proxy });
  }),
  thrown('object, every getter throws', () => withThrowingGetters({})),
  thrown('Error, every getter throws', () => withThrowingGetters(new Error(MARKER))),
  thrown('object with a message, its status getters throw', () =>
    withThrowingGetters({ message: MARKER }, ['status', 'statusCode']),
  ),
  thrown('object, its Symbol.toStringTag getter throws', () =>
    withThrowingGetters({}, [Symbol.toStringTag]),
  ),
  // Cycles.
  thrown('circular object with status 418: itself as self, headers and cause', () => {
    const value: Record<string, unknown> = { status: 418, message: MARKER };
    value.self = value;
    value.headers = value;
    value.cause = value;
    return value;
  }),
  thrown('circular object with statusCode 404: itself as self and cause', () => {
    const value: Record<string, unknown> = { message: MARKER, statusCode: 404 };
    value.self = value;
    value.cause = value;
    return value;
  }),
  thrown('circular Error: itself as self and cause', () => {
    const error = privateError() as Error & { self?: unknown };
    error.self = error;
    error.cause = error;
    return error;
  }),
  // BigInt and symbols.
  thrown('BigInt', () => 10n),
  thrown('BigInt 0n (falsy)', () => 0n),
  thrown('negative BigInt', () => -404n),
  thrown('BigInt beyond 2^64', () => 10n ** 30n),
  thrown('Error with a BigInt message, statusCode and status', () =>
    errorWith(1n, { statusCode: 404n, status: 500n }),
  ),
  thrown('Symbol', () => Symbol(MARKER)),
  thrown('well-known Symbol', () => Symbol.iterator),
  thrown('Error with a Symbol message and statusCode', () =>
    errorWith(Symbol(MARKER), { statusCode: Symbol('404') }),
  ),
  // Frozen, sealed, without a prototype.
  thrown('frozen Error', () => Object.freeze(privateError())),
  thrown('frozen Error with status 404', () => Object.freeze(privateError({ status: 404 }))),
  thrown('frozen Error with statusCode 404', () =>
    Object.freeze(privateError({ statusCode: 404 })),
  ),
  thrown('frozen object with status 429', () => Object.freeze({ status: 429, message: MARKER })),
  thrown('frozen object with statusCode 429', () =>
    Object.freeze({ statusCode: 429, message: MARKER }),
  ),
  thrown('sealed Error with status 503', () => Object.seal(privateError({ status: 503 }))),
  thrown('null-prototype object with status 409', () =>
    Object.assign(Object.create(null) as object, { status: 409, message: MARKER }),
  ),
  thrown('null-prototype object with statusCode 409', () =>
    Object.assign(Object.create(null) as object, { statusCode: 409, message: MARKER }),
  ),
  // Messages that are not text.
  thrown('Error with a number message', () => errorWith(42)),
  thrown('Error with an object message', () => errorWith({ MARKER })),
  thrown('Error with an object message whose toString throws', () => errorWith({ toString: boom })),
  thrown('Error with a Symbol message', () => errorWith(Symbol(MARKER))),
  thrown('Error with a BigInt message', () => errorWith(10n)),
  thrown('Error with a null message', () => errorWith(null)),
  thrown('Error with a null message and status 418', () => errorWith(null, { status: 418 })),
  thrown('Error with a Proxy message', () => errorWith(new Proxy({}, throwingTraps))),
  // Huge text.
  thrown('huge message, not exposed', () => errorWith(HUGE_TEXT)),
  thrown('huge message on an exposed 4xx', () =>
    errorWith(HUGE_TEXT, { status: 422, expose: true }),
  ),
  thrown('huge message on an exposed 5xx', () =>
    errorWith(HUGE_TEXT, { status: 500, expose: true }),
  ),
  thrown('huge string', () => HUGE_TEXT),
  thrown('exposed 503 http-error', () => privateError({ status: 503, expose: true })),
  // Conversions that throw.
  thrown('Error whose toString throws', () => Object.assign(privateError(), { toString: boom })),
  thrown('Error whose toString, valueOf and Symbol.toPrimitive throw', () =>
    Object.assign(privateError(), { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom }),
  ),
  thrown('object whose valueOf and Symbol.toPrimitive throw', () => ({
    [Symbol.toPrimitive]: boom,
    valueOf: boom,
  })),
  thrown('object with status 400 whose toString, valueOf and Symbol.toPrimitive throw', () => ({
    toString: boom,
    valueOf: boom,
    [Symbol.toPrimitive]: boom,
    status: 400,
  })),
  // Statuses of every type.
  ...STATUS_VALUES.flatMap(([label, status]) => [
    thrown(`Error with statusCode ${label}`, () => privateError({ statusCode: status })),
    thrown(`Error with status ${label}, exposed`, () => privateError({ status, expose: true })),
  ]),
  thrown('Error whose status changes on each read', () => {
    const error = privateError();
    Object.defineProperty(error, 'status', { get: shifting([404, 'x', 600, boom]) });
    return error;
  }),
  thrown('Error whose code changes on each read', () => {
    const error = privateError({ validation: [] });
    Object.defineProperty(error, 'code', {
      get: shifting(['FST_ERR_VALIDATION', 'FST_ERR_CTP_BODY_TOO_LARGE', undefined]),
    });
    return error;
  }),
  // Values of other kinds.
  thrown('function with a status', () => Object.assign(() => MARKER, { status: 409 })),
  thrown('array with a statusCode', () => Object.assign([MARKER], { statusCode: 400 })),
  thrown('class', () => class Private {}),
  thrown('WeakMap', () => new WeakMap()),
  thrown('invalid Date', () => new Date(Number.NaN)),
  thrown('RegExp with status 404', () => Object.assign(/private/, { status: 404 })),
  thrown('Map keyed by itself', () => {
    const map = new Map<unknown, unknown>();
    map.set(map, map);
    return map;
  }),
  thrown('ArrayBuffer of 8 MB', () => new ArrayBuffer(8 * 1024 * 1024)),
  thrown('sparse array of length 2^32-1', () => new Array(2 ** 32 - 1), { hugeLength: true }),
  thrown(
    'AggregateError of hostile values',
    () => new AggregateError([new Proxy({}, throwingTraps), 10n], MARKER),
  ),
  thrown('URIError with status 400', () => Object.assign(new URIError(MARKER), { status: 400 })),
  thrown('the string "route" (Express: skip to the next route)', () => 'route'),
  // Promises and thenables.
  thrown('rejected promise, its rejection handled', handledRejection),
  thrown('pending promise', () => new Promise(() => {})),
  thrown('thenable whose then throws', () => ({
    // biome-ignore lint/suspicious/noThenProperty: a thenable is exactly the hostile value here.
    then: boom,
    status: 400,
  })),
  thrown('thenable that resolves', () => ({
    // biome-ignore lint/suspicious/noThenProperty: a thenable is exactly the hostile value here.
    then: (resolve: (value: unknown) => void) => resolve(MARKER),
  })),
  // Validation results (Fastify's `validation`, `validationContext`).
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
  // Codes of frameworks and libraries.
  ...ERROR_CODES.map((code) =>
    thrown(`Error with code ${code} and statusCode 500`, () =>
      errorWith(MARKER, { code, statusCode: 500 }),
    ),
  ),
  thrown('object with code FST_ERR_BAD_URL', () => ({ code: 'FST_ERR_BAD_URL', message: MARKER })),
  thrown('zlib-like Error with status 400 and a Proxy code', () =>
    privateError({ status: 400, code: new Proxy({}, throwingTraps) }),
  ),
  thrown('body-parser-like entity.too.large with a BigInt limit', () =>
    privateError({ status: 413, type: 'entity.too.large', limit: 10n }),
  ),
  thrown('body-parser-like entity.parse.failed with a Proxy body', () =>
    privateError({ status: 400, type: 'entity.parse.failed', body: new Proxy({}, throwingTraps) }),
  ),
  // Boom-like.
  thrown('Boom-like, its output getter throws', () => ({
    isBoom: true,
    get output() {
      return boom();
    },
  })),
  thrown('Boom-like, every getter of its output throws', () => ({
    isBoom: true,
    output: withThrowingGetters({}),
  })),
  thrown('Boom-like with output.statusCode 700', () => ({
    isBoom: true,
    output: { statusCode: 700 },
  })),
  thrown('Boom-like 502 with its message in the payload', () => ({
    isBoom: true,
    message: MARKER,
    output: { statusCode: 502, payload: { message: MARKER }, headers: {} },
  })),
  // Headers.
  thrown('Error with status 401, its headers getter throws', () =>
    withThrowingGetters(privateError({ status: 401 }), ['headers']),
  ),
  thrown('Error with status 429, every getter of its headers throws', () =>
    privateError({ status: 429, headers: withThrowingGetters({}) }),
  ),
  ...[401, 429].map((status) =>
    thrown(`Error with status ${status}, its headers a Proxy`, () =>
      privateError({ status, headers: new Proxy({}, throwingTraps) }),
    ),
  ),
  thrown('exposed 429 with CR/LF in a header value and a header name', () =>
    privateError({
      status: 429,
      expose: true,
      headers: { 'Retry-After': '5\r\nSet-Cookie: injected=1', 'X-Injected\r\nA': 'b' },
    }),
  ),
  thrown('429 with CR LF, NUL, controls, non-Latin-1 and framing headers', () =>
    privateError({
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
  thrown('429 with a non-Latin-1 header value', () =>
    privateError({ status: 429, headers: { 'X-Reason': 'caf\u00e9 \u20ac', 'Retry-After': '7' } }),
  ),
  thrown('400 with a control character and DEL in a header value', () =>
    privateError({ status: 400, headers: { 'X-Reason': 'a\u0001b\u007f' } }),
  ),
  thrown('400 with Content-Encoding and Content-Range headers', () =>
    privateError({
      status: 400,
      headers: { 'Content-Encoding': 'gzip', 'Content-Range': 'bytes 0-1/2' },
    }),
  ),
  thrown('400 with a 1 MB header name', () =>
    privateError({ status: 400, headers: { ['X'.repeat(1024 * 1024)]: 'v' } }),
  ),
  // Problem errors: forged, or with members that cannot be serialised.
  thrown('forged ProblemError brand, no code', () => ({ [brand]: true, status: 'x' }), {
    problemError: true,
  }),
  thrown(
    'forged ProblemError brand, every getter throws',
    () => withThrowingGetters({ [brand]: true } as object),
    { problemError: true },
  ),
  thrown(
    'forged ProblemError brand, extensions a Proxy',
    () => ({
      [brand]: true,
      code: 'VALIDATION_ERROR',
      extensions: new Proxy({}, throwingTraps),
    }),
    { problemError: true },
  ),
  thrown(
    'ProblemError with BigInt and circular extensions',
    () => {
      const cycle: Record<string, unknown> = {};
      cycle.cycle = cycle;
      return new ProblemError('INVALID_FIELD_VALUE', { extensions: { big: 1n, cycle } });
    },
    { problemError: true },
  ),
  thrown(
    'ProblemError with an extension whose toJSON gives undefined',
    () =>
      new ProblemError('VALIDATION_ERROR', { extensions: { when: { toJSON: () => undefined } } }),
    { problemError: true },
  ),
  thrown(
    'ProblemError with an extension whose toJSON throws',
    () => new ProblemError('SERVICE_UNAVAILABLE', { extensions: { when: { toJSON: boom } } }),
    { problemError: true },
  ),
];

/** A header value that CR LF would end, followed by a header of the attacker's. */
export const HEADER_INJECTION = '\r\nSet-Cookie: stolen=1';

/**
 * Header values that would split a header or that Node refuses to write, each with what it
 * holds: what a value built from a client's input must never carry onto the wire.
 */
export const UNSENDABLE_HEADER_VALUES: readonly (readonly [string, string])[] = [
  ['CR LF', `x${HEADER_INJECTION}`],
  ['a NUL', 'a\0b'],
  ['a control character', 'a\u0001b'],
  ['DEL', 'a\u007fb'],
  ['a character beyond Latin-1', 'a\u0100b'],
  ['CJK characters', 'api \u6771\u4eac'],
  ['a line separator', 'a\u2028b'],
];

/** Latin-1 text: Node writes it, but as bytes a client reads as other characters. */
export const LATIN1_HEADER_VALUE: readonly [string, string] = [
  'a Latin-1 character (sent as one byte, read as UTF-8 by clients)',
  'Z\u00fcrich',
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

/** fast-check's values of every kind. */
export const anythingThrown: fc.Arbitrary<Thrown> = fc.anything(anythingOptions).map(fromValue);

const handMade: fc.Arbitrary<Thrown> = fc.constantFrom(...HAND_MADE);
const handMadeMember: fc.Arbitrary<Thrown> = fc.constantFrom(
  ...HAND_MADE.filter((value) => value.hugeLength !== true),
);

/** A member of a thrown object: usually a value of the kind expected there, else anything. */
function member(expected: fc.Arbitrary<unknown>): fc.Arbitrary<Thrown> {
  return fc.oneof(
    { weight: 4, arbitrary: expected.map(fromValue) },
    { weight: 1, arbitrary: anythingThrown },
    { weight: 1, arbitrary: handMadeMember },
  );
}

const statusLike = fc.oneof(
  fc.integer({ min: 398, max: 601 }),
  fc.integer({ min: -1000, max: 2000 }),
  fc.constantFrom(0, 404.5, Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.bigInt({ min: 399n, max: 600n }),
  fc.integer({ min: 399, max: 600 }).map(String),
);

/** Header names a foreign error might carry: framing ones, unsendable ones, anything. */
export const headerName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Retry-After',
    'WWW-Authenticate',
    'Allow',
    'Content-Type',
    'Content-Length',
    'Content-Encoding',
    'Transfer-Encoding',
    'Connection',
    'ETag',
    'Set-Cookie',
    'X-Note',
    'X-Trace',
    'X Note',
    'X-Note:',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

/** Header values a foreign error might carry, most of them unsendable. */
export const headerValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.constantFrom(
    '60',
    '-1',
    '1.5',
    `1${HEADER_INJECTION}`,
    ...UNSENDABLE_HEADER_VALUES.map(([, value]) => value),
    '\u00e9',
  ),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 1 }),
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

/**
 * The members the core, the adapters, their frameworks and the well-known libraries read, each
 * of the expected kind or anything at all.
 */
const errorMembers = {
  message: member(fc.string({ maxLength: 2000 }).map((text) => `${MARKER} ${text}`)),
  statusCode: member(statusLike),
  status: member(statusLike),
  expose: member(fc.boolean()),
  code: member(fc.oneof(fc.constantFrom(...ERROR_CODES, ...registryCodes), fc.string())),
  type: member(fc.constantFrom(...BODY_PARSER_TYPES)),
  headers: member(fc.dictionary(headerName, headerValue, { maxKeys: 4 })),
  body: member(fc.string({ maxLength: 200 })),
  limit: member(fc.anything({ maxDepth: 0 })),
  isBoom: member(fc.boolean()),
  output: member(
    fc.record({
      statusCode: fc.integer({ min: 398, max: 601 }),
      headers: fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
      payload: fc.record({ message: fc.string({ maxLength: 50 }) }),
    }),
  ),
  validation: member(fc.array(fc.oneof(validationEntry, fc.anything()), { maxLength: 4 })),
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
  'URIError',
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
    case 'URIError':
      return new URIError(MARKER);
    default:
      return new Error(MARKER);
  }
}

/**
 * An error-shaped value: some of the members Express, Fastify, body-parser, http-errors, Boom
 * and the core read, each of the expected kind or anything at all, on a plain object, an object
 * without a prototype, or an Error of some class (frozen or not).
 */
export const errorLike: fc.Arbitrary<Thrown> = fc
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
    // `errors` has a shape of its own in core's schema; `stack` is asserted absent.
    name !== 'errors' &&
    name !== 'stack' &&
    name !== '__proto__',
);

/**
 * A `ProblemError` built with options of any kind: when the constructor refuses them (CR/LF in
 * a header, a method that is not a token, a `retryAfter` that is not seconds), what is thrown
 * is the constructor's `TypeError`, which must become a 500.
 */
export const problemErrorThrown: fc.Arbitrary<Thrown> = fc
  .record(
    {
      code: fc.constantFrom(...registryCodes),
      detail: fc.string({ maxLength: 40 }),
      instance: fc.webPath(),
      extensions: fc.dictionary(extensionName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      retryAfter: fc.oneof(fc.nat(), fc.double()),
      allow: fc.array(
        fc.oneof(fc.constantFrom('GET', 'POST', 'get'), fc.string({ maxLength: 6 })),
        { maxLength: 3 },
      ),
      headers: fc.dictionary(headerName, fc.string({ maxLength: 10, unit: 'binary' }), {
        maxKeys: 2,
      }),
      captureStack: fc.boolean(),
    },
    { requiredKeys: ['code'] },
  )
  .map(({ code, ...options }) =>
    thrown(
      `new ProblemError(${code}, ${printed(options)})`,
      () => {
        try {
          return new ProblemError(code, options as never);
        } catch (refused) {
          return refused;
        }
      },
      { problemError: true },
    ),
  );

/** Any thrown value: fast-check's `anything()`, error-shaped values, hand-made and problem errors. */
export const anyThrown: fc.Arbitrary<Thrown> = fc.oneof(
  { weight: 3, arbitrary: anythingThrown },
  { weight: 4, arbitrary: errorLike },
  { weight: 2, arbitrary: handMade },
  { weight: 2, arbitrary: problemErrorThrown },
);
