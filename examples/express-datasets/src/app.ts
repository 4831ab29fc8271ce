import { type ProblemHandlerOptions, problemHandlers, problemJson } from '@faultline/express';
import {
  connectRateLimitRedis,
  createDatasetService,
  type DatasetService,
  type DatasetsAppOptions,
  type NewDataset,
  newDatasetSchema,
  productionOptions,
  resolveAppOptions,
} from '@faultline-examples/datasets-domain';
import express, { type Express } from 'express';
import { pino } from 'pino';
import { authenticateCaller, callerOf } from './caller.js';
import { serveDocumentation } from './documentation.js';
import { datasetRateLimit } from './rate-limit.js';
import { validateBody } from './validate-body.js';

/** The app, its domain, and how to release the database. */
export interface ExpressDatasetsApp {
  readonly app: Express;
  readonly service: DatasetService;
  /** What the problem handlers were given: the server's client-error answers use the same. */
  readonly problemOptions: ProblemHandlerOptions;
  /** Settles once the app's connections have made their first attempt (Redis, when used). */
  ready(): Promise<void>;
  /** Closes the database and Redis. */
  close(): Promise<void>;
}

/**
 * Builds the Datasets API on Express 5. It does not listen: `startServer` does, and tests pass
 * `app` to supertest.
 *
 * @example
 * const { app, close } = buildApp({ rateLimitMax: 3, logLevel: 'silent' });
 * await request(app).get('/v2/datasets').set('Authorization', 'Bearer demo-admin-key');
 * await close();
 */
export function buildApp(options: DatasetsAppOptions = {}): ExpressDatasetsApp {
  const config = resolveAppOptions(options);
  const logger = pino({ level: config.logLevel }, config.logStream ?? process.stdout);
  const redis =
    config.redisUrl === undefined ? undefined : connectRateLimitRedis(config.redisUrl, logger);
  const service = createDatasetService({
    ...config,
    onDatabaseError: (error) => logger.warn({ err: error }, 'database connection lost'),
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('case sensitive routing', true);

  // /openapi.json, /docs and /docs/errors: no credentials, no rate limit.
  serveDocumentation(app, service.problems.registry);

  // Every /v2 route: authentication, then the rate limit (per credential).
  const guarded = [authenticateCaller(service), ...datasetRateLimit(config, logger, redis)];

  app.get('/v2/datasets', ...guarded, async (_req, res) => {
    res.json({ data: await service.list(callerOf(res)) });
  });
  app.post(
    '/v2/datasets',
    ...guarded,
    problemJson({ limit: '100kb', strict: false }),
    validateBody(newDatasetSchema),
    async (req, res) => {
      const dataset = await service.create(callerOf(res), req.body as NewDataset);
      res.status(201).location(`/v2/datasets/${dataset.id}`).json(dataset);
    },
  );
  app.get('/v2/datasets/:id', ...guarded, async (req, res) => {
    res.json(await service.get(callerOf(res), req.params.id as string));
  });
  app.delete('/v2/datasets/:id', ...guarded, async (req, res) => {
    await service.remove(callerOf(res), req.params.id as string);
    res.status(204).end();
  });
  app.get('/v2/_demo/crash', ...guarded, () => service.crash());
  app.get('/v2/_demo/upstream', ...guarded, () => service.callUpstream());
  app.get('/v2/_demo/maintenance', ...guarded, () => service.maintenance());

  const problemOptions: ProblemHandlerOptions = {
    ...service.problemOptions,
    ...productionOptions,
    logger,
  };
  app.use(problemHandlers(problemOptions));

  return {
    app,
    service,
    problemOptions,
    ready: async () => redis?.settled,
    async close() {
      await Promise.all([service.close(), redis?.close()]);
    },
  };
}
