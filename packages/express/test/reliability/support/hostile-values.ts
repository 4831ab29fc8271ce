import fc from 'fast-check';

/** A value to throw, with the name fast-check prints for it (printing some of them would throw). */
export interface ThrownCase {
  readonly value: unknown;
}

/** Text that must never appear in a 5xx body: messages, stacks and causes carry it. */
export const SECRET = 'SECRET-f4u17';

function labelled(label: string, value: unknown): ThrownCase {
  return { value, [fc.toStringMethod]: () => label } as ThrownCase;
}

function boom(): never {
  throw new Error(`${SECRET} trap`);
}

/** Every trap a Proxy can have, each one throwing. */
const throwingTraps: ProxyHandler<object> = {
  get: boom,
  set: boom,
  has: boom,
  deleteProperty: boom,
  ownKeys: boom,
  getOwnPropertyDescriptor: boom,
  defineProperty: boom,
  getPrototypeOf: boom,
  setPrototypeOf: boom,
  isExtensible: boom,
  preventExtensions: boom,
  apply: boom,
  construct: boom,
};

function withThrowingGetters(target: object, names: readonly PropertyKey[]): object {
  for (const name of names) Object.defineProperty(target, name, { get: boom, enumerable: true });
  return target;
}

function secretError(extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${SECRET} message`), extra);
}

const huge = `${SECRET} ${'x'.repeat(4 * 1024 * 1024)}`;

function circular(): object {
  const value: Record<string, unknown> = { status: 418, message: SECRET };
  value.self = value;
  value.headers = value;
  value.cause = value;
  return value;
}

function circularError(): Error {
  const error = secretError();
  (error as { cause?: unknown }).cause = error;
  return error;
}

/** A rejected promise whose rejection is handled: only the thrown promise itself is hostile. */
function handledRejection(): Promise<never> {
  const promise = Promise.reject(secretError());
  promise.catch(() => {});
  return promise;
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Hand-made values chosen to break code that assumes an Error, or any well-behaved object. */
export const handMadeCases: readonly ThrownCase[] = [
  labelled('Proxy throwing on every trap', new Proxy({}, throwingTraps)),
  labelled('function Proxy throwing on every trap', new Proxy(() => {}, throwingTraps)),
  labelled('Proxy of an Error throwing on every trap', new Proxy(secretError(), throwingTraps)),
  labelled('revoked Proxy', revokedProxy()),
  labelled(
    'Error whose every property getter throws',
    // `stack` first: redefining it formats the stack, which reads `message`.
    withThrowingGetters(new Error(), [
      'stack',
      'message',
      'status',
      'statusCode',
      'expose',
      'headers',
      'code',
      'type',
      'name',
      'cause',
      'isBoom',
      'output',
      Symbol.toStringTag,
    ]),
  ),
  labelled(
    'object whose status getter throws',
    withThrowingGetters({ message: SECRET }, ['status', 'statusCode']),
  ),
  labelled('circular object', circular()),
  labelled('Error whose cause is itself', circularError()),
  labelled('BigInt', 10n),
  labelled('BigInt 0n (falsy)', 0n),
  labelled('negative BigInt', -404n),
  labelled('Symbol', Symbol(SECRET)),
  labelled('well-known Symbol', Symbol.iterator),
  labelled('frozen Error with status 404', Object.freeze(secretError({ status: 404 }))),
  labelled('frozen object with status 429', Object.freeze({ status: 429, message: SECRET })),
  labelled('sealed Error with status 503', Object.seal(secretError({ status: 503 }))),
  labelled(
    'null-prototype object with status 409',
    Object.assign(Object.create(null), {
      status: 409,
      message: SECRET,
    }),
  ),
  labelled('Error with a numeric message', Object.assign(new Error(), { message: 42 })),
  labelled('Error with an object message', Object.assign(new Error(), { message: { SECRET } })),
  labelled('Error with a Symbol message', Object.assign(new Error(), { message: Symbol(SECRET) })),
  labelled('Error with a BigInt message', Object.assign(new Error(), { message: 10n })),
  labelled('Error with a null message', Object.assign(new Error(), { message: null })),
  ...(
    [
      '404',
      404.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -404,
      1e21,
      404n,
      [404],
      { valueOf: () => 404 },
      true,
      null,
      600,
      399,
      0,
      -0,
      Number.MAX_SAFE_INTEGER + 2,
      Symbol('404'),
    ] as const
  ).flatMap((status) => [
    labelled(`Error with statusCode ${String(status)}`, secretError({ statusCode: status })),
    labelled(`Error with status ${String(status)}`, secretError({ status, expose: true })),
  ]),
  labelled('4 MB exposed 400 message', secretError({ status: 400, expose: true, message: huge })),
  labelled('4 MB unexposed message', secretError({ message: huge })),
  labelled('4 MB thrown string', huge),
  labelled(
    'Error whose toString throws',
    Object.assign(secretError(), { toString: boom, [Symbol.toPrimitive]: boom, valueOf: boom }),
  ),
  labelled('object whose toString and toPrimitive throw', {
    toString: boom,
    valueOf: boom,
    [Symbol.toPrimitive]: boom,
    status: 400,
  }),
  labelled('object whose toStringTag getter throws', withThrowingGetters({}, [Symbol.toStringTag])),
  labelled(
    'Error with a throwing headers getter',
    withThrowingGetters(secretError({ status: 401 }), ['headers']),
  ),
  labelled(
    'Error with Proxy headers',
    secretError({
      status: 429,
      headers: new Proxy({}, throwingTraps),
    }),
  ),
  labelled(
    'Error with CR/LF in its headers',
    secretError({
      status: 429,
      expose: true,
      headers: { 'Retry-After': '5\r\nSet-Cookie: injected=1', 'X-Injected\r\nA': 'b' },
    }),
  ),
  labelled(
    'Error with a non-Latin-1 header value',
    secretError({
      status: 429,
      headers: { 'X-Reason': 'caf\u00e9 \u20ac', 'Retry-After': '7' },
    }),
  ),
  labelled(
    'Error with a control character in a header value',
    secretError({
      status: 400,
      headers: { 'X-Reason': 'a\u0001b\u007f' },
    }),
  ),
  labelled(
    'Error with a Content-Encoding header',
    secretError({
      status: 400,
      headers: { 'Content-Encoding': 'gzip', 'Content-Range': 'bytes 0-1/2' },
    }),
  ),
  labelled(
    'Error with a 1 MB header name',
    secretError({
      status: 400,
      headers: { ['X'.repeat(1024 * 1024)]: 'v' },
    }),
  ),
  labelled('boom-like with a throwing output', {
    isBoom: true,
    get output() {
      return boom();
    },
  }),
  labelled('boom-like with output.statusCode 700', { isBoom: true, output: { statusCode: 700 } }),
  labelled('the string "route" (Express: skip the route)', 'route'),
  labelled('a rejected Promise', handledRejection()),
  // biome-ignore lint/suspicious/noThenProperty: a thenable is exactly the hostile value here.
  labelled('a thenable whose then throws', { then: boom, status: 400 }),
  labelled('an ArrayBuffer of 8 MB', new ArrayBuffer(8 * 1024 * 1024)),
  labelled('a sparse array of length 2^32-1', new Array(2 ** 32 - 1)),
  labelled(
    'a Map keyed by itself',
    (() => {
      const map = new Map<unknown, unknown>();
      map.set(map, map);
      return map;
    })(),
  ),
  labelled(
    'a function with a status',
    Object.assign(() => SECRET, { status: 409 }),
  ),
  labelled('a class', class Secret {}),
  labelled('a WeakMap', new WeakMap()),
  labelled('a Date', new Date(Number.NaN)),
  labelled('a RegExp with status 404', Object.assign(/secret/, { status: 404 })),
  labelled(
    'an AggregateError of hostile values',
    new AggregateError([new Proxy({}, throwingTraps), 10n], SECRET),
  ),
  labelled(
    'body-parser-like error of each type with a hostile limit',
    secretError({
      status: 413,
      type: 'entity.too.large',
      limit: 10n,
    }),
  ),
  labelled(
    'body-parser-like parse failure with a non-string body',
    secretError({
      status: 400,
      type: 'entity.parse.failed',
      body: new Proxy({}, throwingTraps),
    }),
  ),
  labelled(
    'zlib-like error with a Proxy code',
    secretError({
      status: 400,
      code: new Proxy({}, throwingTraps),
    }),
  ),
  labelled('a URIError with status 400', Object.assign(new URIError(SECRET), { status: 400 })),
];

/** Header names and values a foreign error might carry, most of them unsendable. */
const headerName = fc.oneof(
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
    'X Note',
    'X-Note:',
    '',
  ),
  fc.string({ maxLength: 12 }),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 1 }),
);

/** Errors and error-like objects with statuses, exposure, messages, codes and headers of any kind. */
export const errorLike: fc.Arbitrary<unknown> = fc
  .record(
    {
      status: fc.oneof(fc.integer({ min: 398, max: 601 }), fc.anything({ maxDepth: 1 })),
      statusCode: fc.oneof(fc.integer({ min: 398, max: 601 }), fc.anything({ maxDepth: 1 })),
      expose: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 0 })),
      message: fc.oneof(
        fc.string({ maxLength: 2000 }).map((text) => `${SECRET} ${text}`),
        fc.anything({ maxDepth: 1 }),
      ),
      code: fc.oneof(
        fc.constantFrom('RESOURCE_NOT_FOUND', 'RATE_LIMIT_EXCEEDED', 'Z_DATA_ERROR', 'ECONNRESET'),
        fc.anything({ maxDepth: 0 }),
      ),
      type: fc.constantFrom(
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
      ),
      headers: fc.oneof(fc.dictionary(headerName, headerValue, { maxKeys: 4 }), fc.anything()),
      body: fc.oneof(fc.string({ maxLength: 200 }), fc.anything({ maxDepth: 1 })),
      limit: fc.anything({ maxDepth: 0 }),
      isBoom: fc.boolean(),
      output: fc.oneof(
        fc.record({
          statusCode: fc.integer({ min: 398, max: 601 }),
          headers: fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
          payload: fc.record({ message: fc.string({ maxLength: 50 }) }),
        }),
        fc.anything({ maxDepth: 1 }),
      ),
    },
    { requiredKeys: [] },
  )
  .chain((shape) =>
    fc.constantFrom('Error', 'plain', 'frozen Error', 'URIError').map((kind) => {
      if (kind === 'plain') return shape;
      const error = Object.assign(
        kind === 'URIError' ? new URIError(`${SECRET} uri`) : new Error(`${SECRET} message`),
        shape,
      );
      return kind === 'frozen Error' ? Object.freeze(error) : error;
    }),
  );

/** fast-check prints an Error as its message alone; the own properties are what matter here. */
function describeValue(value: unknown): string {
  if (!(value instanceof Error)) return fc.stringify(value);
  const own: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, name);
    if (name !== 'stack' && descriptor !== undefined && 'value' in descriptor) {
      own[name] = descriptor.value;
    }
  }
  return `${Object.isFrozen(value) ? 'frozen ' : ''}${value.constructor.name} ${fc.stringify(own)}`;
}

function printed(value: unknown): ThrownCase {
  return { value, [fc.toStringMethod]: () => describeValue(value) } as unknown as ThrownCase;
}

/** Anything at all: fast-check's values of every kind, error-like shapes and the hand-made ones. */
export const anyThrownCase: fc.Arbitrary<ThrownCase> = fc.oneof(
  {
    arbitrary: fc
      .anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
        withUnicodeString: true,
      })
      .map(printed),
    weight: 3,
  },
  { arbitrary: errorLike.map(printed), weight: 3 },
  { arbitrary: fc.constantFrom(...handMadeCases), weight: 2 },
);
