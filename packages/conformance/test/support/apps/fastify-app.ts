import type { AddressInfo } from 'node:net';
import { type FaultlineOptions, faultline } from '@faultline/fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type AppSetup, ITEMS_PATH, type RunningApp, SUBJECT_PATH, throwFrom } from './app-setup';

/** Fastify 4 is driven through Fastify 5's types; the runtime is the real major. */
export type FastifyFactory = (options: Record<string, unknown>) => FastifyInstance;

async function addRoutes(app: FastifyInstance, setup: AppSetup): Promise<void> {
  const { scenario, options, thrown } = setup;
  // The scenario's options as written, log policy options included, which the plugin's types
  // may not know yet: hence the cast.
  await app.register(faultline, options as unknown as FaultlineOptions);
  const hook = scenario.hook;
  const onRequest =
    hook === undefined
      ? []
      : [
          async () => {
            throwFrom(hook, thrown);
          },
        ];
  app.get(SUBJECT_PATH, { onRequest }, async (_request, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(scenario.handler?.headers ?? {})) {
      reply.header(name, value);
    }
    if (scenario.handler !== undefined) throwFrom(scenario.handler, thrown);
    return { ok: true };
  });
  app.get(ITEMS_PATH, async () => []);
  app.post(ITEMS_PATH, async (request, reply) => {
    reply.code(201);
    return request.body;
  });
}

/**
 * The app: the plugin, then the routes. The capturing logger is Fastify's own logger
 * (`loggerInstance` on Fastify 5, `logger` on Fastify 4), so records go through `request.log`;
 * Fastify's per-request "incoming request" / "request completed" lines are turned off, since
 * they are the framework's, not the adapter's.
 */
export async function startFastify(
  factory: FastifyFactory,
  major: 4 | 5,
  setup: AppSetup,
): Promise<RunningApp> {
  const app = factory({
    [major === 5 ? 'loggerInstance' : 'logger']: setup.logger,
    disableRequestLogging: true,
  });
  try {
    await addRoutes(app, setup);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
  return {
    port: (app.server.address() as AddressInfo).port,
    async close() {
      await app.close();
    },
  };
}
