import { createProblemFlow } from '@faultline/core/adapter';

const adapter = {
  where: '@faultline/test',
  optionNames: ['logger'],
  describe: () => ({ method: 'GET', target: '/' }),
  requestOf: () => ({}),
};

const build = (options: unknown) => () => createProblemFlow(options as never, adapter);

describe('the options every adapter takes, checked once in core', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt name', { registy: {} }, 'unknown option "registy"; did you mean "registry"?'],
    ['a name with a different case', { LogLevel4xx: 'info' }, 'did you mean "logLevel4xx"?'],
    [
      'a name nothing resembles',
      { colour: 'red' },
      'unknown option "colour" The options are: registry, mappers, retryAfter, challenge, maxDetailLength, exposeStack, instance, traceId, openTelemetry, xml, scope, redact, locales, localize, logLevel4xx, logLevel5xx, logger',
    ],
    ['options that are not an object', 'yes', 'options must be an object, got "yes"'],
    [
      'a registry that is not one',
      { registry: { byCode() {} } },
      'option registry must be a registry from defineProblems()',
    ],
    [
      'mappers that are not functions',
      { mappers: [1] },
      'option mappers must be an array of functions, got [1]',
    ],
    [
      'an exposeStack that is not a boolean',
      { exposeStack: 1 },
      'option exposeStack must be a boolean, got 1',
    ],
    [
      'an instance that is a string',
      { instance: '/x' },
      'option instance must be a boolean or a function of the request, got "/x"',
    ],
    [
      'an unknown log level',
      { logLevel5xx: 'loud' },
      "option logLevel5xx must be one of 'fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', got \"loud\"",
    ],
    [
      'a negative retryAfter',
      { retryAfter: -1 },
      '@faultline/test: option retryAfter must be a non-negative integer of seconds, got -1',
    ],
    [
      'a bad challenge scheme',
      { challenge: { scheme: 'Two words' } },
      '@faultline/test: option challenge: scheme must be an HTTP auth-scheme token',
    ],
    [
      'a challenge that is a string',
      { challenge: 'Basic' },
      '@faultline/test: option challenge must be an object { scheme?, realm? }, got Basic',
    ],
    [
      'a challenge that is null',
      { challenge: null },
      '@faultline/test: option challenge must be an object { scheme?, realm? }, got null',
    ],
    [
      'a misspelt challenge member',
      { challenge: { sheme: 'Basic' } },
      '@faultline/test: option challenge has an unknown member "sheme"; it takes scheme and realm',
    ],
    [
      'a realm that is not a string',
      { challenge: { realm: 5 } },
      '@faultline/test: option challenge.realm must be a string, got number',
    ],
  ])('refuses %s, naming the package and the option', (_what, options, message) => {
    expect(build(options)).toThrow(TypeError);
    expect(build(options)).toThrow(message);
    expect(build(options)).toThrow(/^@faultline\/test: /);
  });

  it("accepts every common option and the adapter's own", () => {
    expect(
      build({
        registry: undefined,
        mappers: [],
        retryAfter: 5,
        challenge: { scheme: 'Basic', realm: 'api' },
        maxDetailLength: 64,
        exposeStack: false,
        instance: true,
        logLevel4xx: 'silent',
        logLevel5xx: 'fatal',
        logger: {},
      }),
    ).not.toThrow();
    expect(build(undefined)).not.toThrow();
  });
});
