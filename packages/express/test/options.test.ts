import {
  type ProblemHandlerOptions,
  type ProblemJsonOptions,
  problemClientErrors,
  problemHandlers,
  problemJson,
} from '@faultline/express';

/** Start-up checks: a wrong option throws at once, naming the package, the option and the value. */
describe('options are validated at start-up', () => {
  it.each<[string, unknown, string]>([
    [
      'a logger without error()',
      { logger: { info() {} } },
      '@faultline/express: option logger must be an object with an error(obj, msg) method (pino-compatible), got object',
    ],
    [
      'a logger level that is not a function',
      { logger: { error() {}, debug: 'loud' } },
      '@faultline/express: option logger.debug must be a function when present, got string',
    ],
    [
      'an instance that is neither boolean nor function',
      { instance: 'yes' },
      '@faultline/express: option instance must be a boolean or a function of the request, got "yes"',
    ],
    [
      'a negative retryAfter',
      { retryAfter: -1 },
      '@faultline/express: option retryAfter must be a non-negative integer of seconds, got -1',
    ],
    [
      'a tiny maxDetailLength',
      { maxDetailLength: 3 },
      '@faultline/express: option maxDetailLength must be an integer of at least 16, got 3',
    ],
    [
      'a registry that is not one',
      { registry: {} },
      '@faultline/express: option registry must be a registry from defineProblems() (or defaultRegistry), got {}',
    ],
    [
      'mappers that are not an array',
      { mappers: () => undefined },
      '@faultline/express: option mappers must be an array of functions, got a function',
    ],
    [
      'exposeStack that is not a boolean',
      { exposeStack: 'true' },
      '@faultline/express: option exposeStack must be a boolean, got "true"',
    ],
    [
      'a log level that is not one',
      { logLevel4xx: 'loud' },
      "@faultline/express: option logLevel4xx must be one of 'fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', got \"loud\"",
    ],
    [
      'a misspelt option',
      { exposeStacks: true },
      '@faultline/express: unknown option "exposeStacks"; did you mean "exposeStack"? The options are: registry, mappers, retryAfter, challenge, maxDetailLength, exposeStack, instance, traceId, openTelemetry, xml, scope, redact, locales, localize, logLevel4xx, logLevel5xx, logger',
    ],
  ])('problemHandlers() rejects %s', (_what, options, message) => {
    expect(() => problemHandlers(options as ProblemHandlerOptions)).toThrow(new TypeError(message));
  });

  it.each<[string, unknown, string]>([
    [
      'a limit body-parser cannot read',
      { limit: 'lots' },
      '@faultline/express: option limit "lots" is invalid',
    ],
    [
      'a type that is not a media type',
      { type: 'json' },
      '@faultline/express: option type holds "json"; each entry must be a media type such as "application/json", "application/*+json" or "text/*"',
    ],
    [
      'an empty list of types',
      { type: [] },
      '@faultline/express: option type must be a media type or a non-empty array of them, got []',
    ],
    [
      'a strict that is not a boolean',
      { strict: 1 },
      '@faultline/express: option strict must be a boolean, got 1',
    ],
    [
      'a verify that is not a function',
      { verify: true },
      '@faultline/express: option verify must be a function, got boolean',
    ],
    [
      'a misspelt option',
      { limits: '1mb' },
      '@faultline/express: problemJson(): unknown option "limits"; did you mean "limit"? The options are: type, limit, strict, inflate, reviver, verify',
    ],
  ])('problemJson() rejects %s', (_what, options, message) => {
    expect(() => problemJson(options as ProblemJsonOptions)).toThrow(new TypeError(message));
  });

  it('problemClientErrors() checks the same options', () => {
    expect(() => problemClientErrors({ on() {} }, { logger: null as never })).toThrow(
      new TypeError(
        '@faultline/express: option logger must be an object with an error(obj, msg) method (pino-compatible), got null',
      ),
    );
  });

  it('accepts the defaults and every documented option', () => {
    expect(problemHandlers()).toHaveLength(2);
    expect(
      problemHandlers({
        logger: { error() {}, warn() {}, info() {}, debug() {} },
        instance: true,
        retryAfter: 30,
        challenge: { scheme: 'Bearer', realm: 'datasets' },
        maxDetailLength: 200,
        exposeStack: false,
        mappers: [],
        logLevel4xx: 'debug',
        logLevel5xx: 'fatal',
      }),
    ).toHaveLength(2);
    expect(problemJson()).toBeInstanceOf(Function);
    expect(
      problemJson({ type: 'application/json', limit: '1mb', strict: true, inflate: false }),
    ).toBeInstanceOf(Function);
  });
});
