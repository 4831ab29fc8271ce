import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { problemHandlers } from '@faultline/express';
import { faultline } from '@faultline/fastify';
import { listen, portOf, shutdown } from '@faultline/test-support';
import express5, { type NextFunction, type Request, type Response } from 'express';
import express4 from 'express4';
import fastify5, { type FastifyInstance } from 'fastify';
import fastify4 from 'fastify4';
import type { RequestSpec, Scenario } from './scenario';

/** A response as it came off the wire: lower-cased header names, the body as UTF-8. */
export interface Received {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** An app of one scenario, listening on 127.0.0.1. */
export interface Served {
  readonly port: number;
  /** Every error the app saw on its way to faultline, in order. */
  readonly seen: readonly unknown[];
  close(): Promise<void>;
}

/** The frameworks every row is played on, where its library runs there. */
export interface Framework {
  readonly name: string;
  /** Whether the scenario has an app for this framework. */
  readonly plays: (scenario: Scenario) => boolean;
  readonly start: (scenario: Scenario) => Promise<Served>;
}

/** The scenario's routes, a spy on errors, then faultline's handlers. */
async function startExpress(express: typeof express5, scenario: Scenario): Promise<Served> {
  const seen: unknown[] = [];
  const app = express();
  await scenario.express?.(app);
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
    seen.push(error);
    next(error);
  });
  app.use(problemHandlers({ logger: silentLogger }));
  const server = await listen(app);
  return { port: portOf(server), seen, close: () => shutdown(server) };
}

/** faultline's plugin, a spy on errors, then the scenario's plugins and routes. */
async function startFastify(fastify: FastifyFactory, scenario: Scenario): Promise<Served> {
  const seen: unknown[] = [];
  const app = fastify({ logger: false });
  try {
    app.addHook('onError', async (_request, _reply, error) => {
      seen.push(error);
    });
    await app.register(faultline);
    await scenario.fastify?.(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    port: (app.server.address() as AddressInfo).port,
    seen,
    close: () => app.close(),
  };
}

/** 4xx are logged at `info`: nothing here reads the log. */
const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };

/** Express 4 and Fastify 4 are driven through the types of 5; the runtime is the real major. */
type FastifyFactory = (options: { logger: false }) => FastifyInstance;

const onExpress = (scenario: Scenario) => scenario.express !== undefined;
const onFastify = (scenario: Scenario) => scenario.fastify !== undefined;

export const frameworks: readonly Framework[] = [
  {
    name: 'Express 5',
    plays: onExpress,
    start: (scenario) => startExpress(express5, scenario),
  },
  {
    name: 'Express 4',
    plays: onExpress,
    start: (scenario) => startExpress(express4 as unknown as typeof express5, scenario),
  },
  {
    name: 'Fastify 5',
    plays: onFastify,
    start: (scenario) => startFastify(fastify5 as unknown as FastifyFactory, scenario),
  },
  {
    name: 'Fastify 4',
    // The Fastify plugins at their newest majors need Fastify 5.
    plays: (scenario) => onFastify(scenario) && !scenario.fastify5Only,
    start: (scenario) => startFastify(fastify4 as unknown as FastifyFactory, scenario),
  },
];

/** Sends one request on a fresh connection and resolves with the whole response. */
export function send(port: number, spec: RequestSpec): Promise<Received> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) headers['content-length'] = Buffer.byteLength(spec.body);
    const request = http.request(
      { host: '127.0.0.1', port, method: spec.method, path: spec.path, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(spec.body);
  });
}
