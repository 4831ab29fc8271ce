import rateLimit from '@fastify/rate-limit';
import {
  type FaultlineOptions,
  faultline,
  problemClientErrorHandler,
  problemFrameworkErrors,
  rateLimitErrorResponseBuilder,
} from '@faultline/fastify';
import {
  connectRateLimitRedis,
  createDatasetService,
  type DatasetsAppOptions,
  type NewDataset,
  productionOptions,
  resolveAppOptions,
  validatorOptions,
} from '@faultline-examples/datasets-domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { authenticateCaller, callerOf, maybeCallerOf } from './caller.js';
import { documented, registerDocumentation } from './documentation.js';

/** Node's own limit on the request head (16 KiB) bounds a path parameter first. */
const MAX_PARAM_LENGTH = 16 * 1024;

/** The largest JSON body, the same in both apps. */
const BODY_LIMIT = 100 * 1024;

/** The Fastify app; `app.close()` also closes the database. */
export type FastifyDatasetsApp = FastifyInstance;

/**
 * Builds the Datasets API on Fastify 5. It does not listen: `startServer` does, and tests use
 * `app.inject()`.
 *
 * @example
 * const app = await buildApp({ rateLimitMax: 3, logLevel: 'silent' });
 * await app.inject({ url: '/v2/datasets', headers: { authorization: 'Bearer demo-admin-key' } });
 * await app.close();
 */
export async function buildApp(options: DatasetsAppOptions = {}): Promise<FastifyDatasetsApp> {
  const config = resolveAppOptions(options);
  let app: FastifyInstance | undefined;
  const service = createDatasetService({
    ...config,
    onDatabaseError: (error) => app?.log.warn({ err: error }, 'database connection lost'),
  });
  const problemOptions: FaultlineOptions = { ...service.problemOptions, ...productionOptions };

  app = Fastify({
    logger: {
      level: config.logLevel,
      ...(config.logStream === undefined ? {} : { stream: config.logStream }),
    },
    // Ids are checked by the domain (400 INVALID_ID), as in Express, not cut off by the router (414).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    bodyLimit: BODY_LIMIT,
    // The same Ajv options as the Express app: no coercion, every failure reported.
    ajv: { customOptions: { ...validatorOptions } },
    clientErrorHandler: problemClientErrorHandler(problemOptions),
    frameworkErrors: problemFrameworkErrors(problemOptions),
  });
  const redis =
    config.redisUrl === undefined ? undefined : connectRateLimitRedis(config.redisUrl, app.log);
  app.addHook('onClose', async () => {
    await Promise.all([service.close(), redis?.close()]);
  });
  await redis?.settled;

  await app.register(faultline, problemOptions);
  // /openapi.json, /docs and /docs/errors: registered before the rate limit, which never counts them.
  await registerDocumentation(app, service.problems.registry);
  // Counted per credential (per client address when there is none), after authentication.
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowS * 1000,
    enableDraftSpec: true,
    keyGenerator: (request) => {
      const caller = maybeCallerOf(request);
      return caller === undefined ? `address:${request.ip}` : `credential:${caller.credential}`;
    },
    errorResponseBuilder: rateLimitErrorResponseBuilder,
    // With Redis the counters are shared by every instance; while it is unreachable the limit
    // fails open (connectRateLimitRedis logs it).
    ...(redis === undefined
      ? {}
      : { redis: redis.client, nameSpace: config.rateLimitPrefix, skipOnError: true }),
  });

  // Every /v2 route: authentication first; the rate limit's hook is added after it.
  const guarded = { onRequest: authenticateCaller(service) };

  app.get('/v2/datasets', { ...guarded, ...documented('listDatasets') }, async (request) => ({
    data: await service.list(callerOf(request)),
  }));
  app.post(
    '/v2/datasets',
    { ...guarded, ...documented('createDataset') },
    async (request, reply) => {
      const dataset = await service.create(callerOf(request), request.body as NewDataset);
      return reply.code(201).header('Location', `/v2/datasets/${dataset.id}`).send(dataset);
    },
  );
  app.get<{ Params: { id: string } }>(
    '/v2/datasets/:id',
    { ...guarded, ...documented('getDataset') },
    async (request) => service.get(callerOf(request), request.params.id),
  );
  app.delete<{ Params: { id: string } }>(
    '/v2/datasets/:id',
    { ...guarded, ...documented('deleteDataset') },
    async (request, reply) => {
      await service.remove(callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.get('/v2/_demo/crash', { ...guarded, ...documented('demoCrash') }, async () =>
    service.crash(),
  );
  app.get('/v2/_demo/upstream', { ...guarded, ...documented('demoUpstream') }, async () =>
    service.callUpstream(),
  );
  app.get('/v2/_demo/maintenance', { ...guarded, ...documented('demoMaintenance') }, async () =>
    service.maintenance(),
  );

  return app;
}
