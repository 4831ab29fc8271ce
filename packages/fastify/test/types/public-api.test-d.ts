// Compiled by `tsc -p tsconfig.json` at the root: each @ts-expect-error must stay an error.
import rateLimit from '@fastify/rate-limit';
import {
  type FaultlineOptions,
  faultline,
  problemClientErrorHandler,
  problemFrameworkErrors,
  rateLimitErrorResponseBuilder,
} from '@faultline/fastify';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

export async function typed(): Promise<void> {
  const options: FaultlineOptions = {
    logLevel4xx: 'warn',
    instance: (request) => `urn:request:${request.id}`,
    notFound: true,
    answerOptions: false,
    json: { acceptTextPlain: true },
    retryAfter: 30,
  };
  const app = Fastify({
    frameworkErrors: problemFrameworkErrors(options),
    clientErrorHandler: problemClientErrorHandler(options),
  });
  await app.register(faultline, options);
  await app.register(faultline, { instance: true, json: false });
  // @ts-expect-error not a log level
  await app.register(faultline, { logLevel4xx: 'loud' });
  // @ts-expect-error a boolean
  await app.register(faultline, { notFound: 'no' });
  // @ts-expect-error instance is a boolean or a function
  await app.register(faultline, { instance: '/here' });

  // The production options, typed with Fastify's request where they take one.
  await app.register(faultline, {
    traceId: { member: 'traceId' },
    openTelemetry: { recordException: true },
    xml: true,
    scope: (request) => request.url.startsWith('/api'),
    redact: true,
    locales: ['en', 'de'],
    localize: (problem, language) => (language === 'de' ? { detail: problem.detail } : undefined),
  });
  // @ts-expect-error openTelemetry is a boolean or { recordException }
  await app.register(faultline, { openTelemetry: 'on' });
  // @ts-expect-error redact is true or a list of names
  await app.register(faultline, { redact: 'password' });

  await app.register(rateLimit, { max: 100, errorResponseBuilder: rateLimitErrorResponseBuilder });

  // The decorator is typed by declaration merging.
  const notFound: (request: FastifyRequest, reply: FastifyReply) => void =
    app.faultline.notFoundHandler;
  const allowed: string[] = app.faultline.allowedMethods({} as FastifyRequest);
  app.setNotFoundHandler((request, reply) => app.faultline.notFoundHandler(request, reply));
  app.setErrorHandler((error, request, reply) => app.faultline.errorHandler(error, request, reply));
  void notFound;
  void allowed;
}
