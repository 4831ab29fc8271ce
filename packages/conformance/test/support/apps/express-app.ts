import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ProblemHandlerOptions, problemHandlers, problemJson } from '@faultline/express';
import type express5 from 'express';
import type { NextFunction, Request, Response } from 'express';
import { type AppSetup, ITEMS_PATH, type RunningApp, SUBJECT_PATH, throwFrom } from './app-setup';

/** Express 4 is driven through Express 5's types; the runtime is the real major. */
export type ExpressFactory = typeof express5;

/**
 * The app: the JSON body guard and parser, the routes, then the problem handlers. Handlers throw
 * synchronously, which Express 4 and 5 both route to the error middleware.
 */
function expressApp(express: ExpressFactory, setup: AppSetup): ReturnType<ExpressFactory> {
  const { scenario, options, logger, thrown } = setup;
  const app = express();
  app.use(problemJson());
  app.get(
    SUBJECT_PATH,
    (_req: Request, _res: Response, next: NextFunction) => {
      if (scenario.hook !== undefined) throwFrom(scenario.hook, thrown);
      next();
    },
    (_req: Request, res: Response) => {
      for (const [name, value] of Object.entries(scenario.handler?.headers ?? {})) {
        res.setHeader(name, value);
      }
      if (scenario.handler !== undefined) throwFrom(scenario.handler, thrown);
      res.json({ ok: true });
    },
  );
  app.get(ITEMS_PATH, (_req: Request, res: Response) => {
    res.json([]);
  });
  app.post(ITEMS_PATH, (req: Request, res: Response) => {
    res.status(201).json(req.body);
  });
  // The scenario's options as written, log policy options included, which the adapter's types
  // may not know yet: hence the cast.
  app.use(problemHandlers({ ...options, logger } as unknown as ProblemHandlerOptions));
  return app;
}

export async function startExpress(express: ExpressFactory, setup: AppSetup): Promise<RunningApp> {
  const server = http.createServer(expressApp(express, setup));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
