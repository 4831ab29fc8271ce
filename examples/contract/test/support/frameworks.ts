import type { IncomingMessage } from 'node:http';
import {
  type ContractContext,
  fetchTransport,
  flattenHeaders,
  rawTransport,
  type Target,
  type Transport,
} from '@faultline-examples/contract';
import {
  buildApp as buildExpressApp,
  startServer as startExpressServer,
} from '@faultline-examples/express-datasets';
import {
  buildApp as buildFastifyApp,
  startServer as startFastifyServer,
} from '@faultline-examples/fastify-datasets';
import type { FastifyInstance, InjectOptions } from 'fastify';
import supertest from 'supertest';

type DatasetsAppOptions = Parameters<typeof buildExpressApp>[0] & {};
type Express = ReturnType<typeof buildExpressApp>['app'];

/** An app under test, and how to let it go. */
export interface OpenApp extends Target {
  close(): Promise<void>;
}

export interface Framework {
  readonly name: 'express' | 'fastify';
  /** The app in process: supertest for Express, `inject` for Fastify. */
  open(options: DatasetsAppOptions): Promise<OpenApp>;
  /** The app on a real socket: `fetch` for requests, raw bytes for what Node's parser refuses. */
  listen(options: DatasetsAppOptions): Promise<OpenApp>;
}

/** Keeps the body as bytes, whatever its media type. */
function rawBody(res: IncomingMessage, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

type Verb = (url: string) => supertest.Test;
const keepBytes = ((body: Buffer) => body) as unknown as (body: unknown) => string;

/** supertest against the Express app: a real server per request, exactly these headers and bytes. */
export function supertestTransport(app: Express): Transport {
  return async (request) => {
    const agent = supertest(app) as unknown as Record<string, Verb>;
    const verb = request.method.toLowerCase();
    if (typeof agent[verb] !== 'function')
      throw new Error(`supertest cannot send ${request.method}`);
    let test = agent[verb](request.path);
    for (const [name, value] of Object.entries(request.headers)) test = test.set(name, value);
    // The bytes as they are: superagent would otherwise serialise a Buffer sent as JSON.
    if (request.body !== undefined) test = test.serialize(keepBytes).send(request.body);
    const response = await test
      .buffer(true)
      .parse(rawBody as unknown as Parameters<supertest.Test['parse']>[0]);
    const body = response.body as Buffer | undefined;
    return {
      status: response.status,
      headers: flattenHeaders(response.headers as Record<string, string>),
      text: Buffer.isBuffer(body) ? body.toString('utf8') : '',
    };
  };
}

/** `fastify.inject` against the Fastify app. */
export function injectTransport(app: FastifyInstance): Transport {
  return async (request) => {
    const response = await app.inject({
      method: request.method as NonNullable<InjectOptions['method']>,
      url: request.path,
      headers: { ...request.headers },
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
    return {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      text: response.body,
    };
  };
}

const host = '127.0.0.1';

export const frameworks: readonly Framework[] = [
  {
    name: 'express',
    async open(options) {
      const { app, ready, close } = buildExpressApp(options);
      await ready();
      return { send: supertestTransport(app), close };
    },
    async listen(options) {
      const server = await startExpressServer({ ...options, host, port: 0 });
      const port = Number(new URL(server.url).port);
      return {
        send: fetchTransport(server.url),
        sendRaw: rawTransport(host, port),
        close: server.close,
      };
    },
  },
  {
    name: 'fastify',
    async open(options) {
      const app = await buildFastifyApp(options);
      return { send: injectTransport(app), close: () => app.close() };
    },
    async listen(options) {
      const server = await startFastifyServer({ ...options, host, port: 0 });
      const port = Number(new URL(server.url).port);
      return {
        send: fetchTransport(server.url),
        sendRaw: rawTransport(host, port),
        close: server.close,
      };
    },
  },
];

/** The type base the tests build apps with: not the default, so the option is seen to work. */
export const TEST_TYPE_BASE = 'https://datasets.test/problems';

/** App options for a row, and the context its expectations are read in. */
export function optionsFor(rateLimited: boolean): {
  options: DatasetsAppOptions;
  context: ContractContext;
} {
  const rateLimitMax = rateLimited ? 3 : 100;
  return {
    options: {
      rateLimitMax,
      rateLimitWindowS: 60,
      problemTypeBase: TEST_TYPE_BASE,
      logLevel: 'silent',
    },
    context: { rateLimitMax, rateLimitWindowS: 60, typeBase: TEST_TYPE_BASE },
  };
}
