import {
  type FaultlineOptions,
  faultline,
  problemClientErrorHandler,
  problemFrameworkErrors,
} from '@faultline/fastify';
import { versions } from './helpers';

const invalid: [string, unknown, RegExp][] = [
  [
    'logLevel4xx',
    { logLevel4xx: 'loud' },
    /^@faultline\/fastify: option logLevel4xx must be one of 'fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', got "loud"$/,
  ],
  [
    'instance',
    { instance: 'yes' },
    /^@faultline\/fastify: option instance must be a boolean or a function of the request, got "yes"$/,
  ],
  [
    'notFound',
    { notFound: 'no' },
    /^@faultline\/fastify: option notFound must be a boolean, got "no"$/,
  ],
  [
    'answerOptions',
    { answerOptions: 1 },
    /^@faultline\/fastify: option answerOptions must be a boolean, got 1$/,
  ],
  [
    'exposeStack',
    { exposeStack: 'true' },
    /^@faultline\/fastify: option exposeStack must be a boolean, got "true"$/,
  ],
  [
    'json',
    { json: 'strict' },
    /^@faultline\/fastify: option json must be a boolean or an object, got "strict"$/,
  ],
  [
    'json.acceptTextPlain',
    { json: { acceptTextPlain: 'yes' } },
    /^@faultline\/fastify: option json.acceptTextPlain must be a boolean, got "yes"$/,
  ],
  [
    'registry',
    { registry: {} },
    /^@faultline\/fastify: option registry must be a registry from defineProblems\(\) \(or defaultRegistry\), got \{\}$/,
  ],
  [
    'mappers',
    { mappers: [42] },
    /^@faultline\/fastify: option mappers must be an array of functions, got \[42\]$/,
  ],
  [
    'retryAfter',
    { retryAfter: -1 },
    /^@faultline\/fastify: option retryAfter must be a non-negative integer of seconds, got -1$/,
  ],
  [
    'maxDetailLength',
    { maxDetailLength: 3 },
    /^@faultline\/fastify: option maxDetailLength must be an integer of at least 16, got 3$/,
  ],
  [
    'challenge',
    { challenge: { scheme: 'Bad Scheme' } },
    /^@faultline\/fastify: option challenge: scheme must be/,
  ],
];

describe.each(versions)('%s: options', (_name, version) => {
  it.each(invalid)(
    'rejects a bad %s at registration, naming it',
    async (_option, options, message) => {
      const app = version.Fastify();
      app.register(faultline, options as FaultlineOptions);
      await expect(app.ready()).rejects.toThrow(message);
      await app.close();
    },
  );

  it('ignores the options Fastify passes to every plugin', async () => {
    const app = version.Fastify();
    await app.register(faultline, { logLevel: 'warn' } as FaultlineOptions);
    await app.ready();
    await app.close();
  });

  it('refuses to be registered twice', async () => {
    const app = version.Fastify();
    app.register(faultline);
    app.register(faultline);
    await expect(app.ready()).rejects.toThrow(
      '@faultline/fastify: the plugin is registered twice; register it once, at the root',
    );
    await app.close();
  });

  it('says what to do when the app set its own not-found handler first', async () => {
    const app = version.Fastify();
    app.setNotFoundHandler((_request, reply) => reply.send('mine'));
    app.register(faultline);
    await expect(app.ready()).rejects.toThrow(
      '@faultline/fastify: the app already has a not-found handler; register the plugin with { notFound: false } and call app.faultline.notFoundHandler from your own',
    );
    await app.close();
  });
});

describe('options of the server-option handlers', () => {
  it.each(invalid)(
    'problemFrameworkErrors rejects a bad %s at once',
    (_option, options, message) => {
      expect(() => problemFrameworkErrors(options as FaultlineOptions)).toThrow(message);
    },
  );

  it.each(invalid)(
    'problemClientErrorHandler rejects a bad %s at once',
    (_option, options, message) => {
      expect(() => problemClientErrorHandler(options as FaultlineOptions)).toThrow(message);
    },
  );

  it('throws TypeErrors', () => {
    expect(() => problemFrameworkErrors({ logLevel4xx: 'loud' as 'info' })).toThrow(TypeError);
  });
});
