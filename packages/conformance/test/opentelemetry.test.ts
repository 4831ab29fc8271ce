import { once } from 'node:events';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ProblemError } from '@faultline/core';
import { type ProblemHandlerOptions, problemHandlers } from '@faultline/express';
import { type FaultlineOptions, faultline } from '@faultline/fastify';
import type * as Api from '@opentelemetry/api';
import type * as ContextAsyncHooks from '@opentelemetry/context-async-hooks';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import express5 from 'express';
import express4 from 'express4';
import fastify5 from 'fastify';
import fastify4 from 'fastify4';
import { send } from './support/http-client';

/*
 * The OpenTelemetry SDK with its in-memory exporter, on Express 4 and 5 and Fastify 4 and 5 over
 * real HTTP. Each request runs in an active server span, as the HTTP instrumentation would make
 * it. The SDK is loaded with Node's own `require`, as the adapters load `@opentelemetry/api`:
 * OpenTelemetry keeps its tracer and context on the global object, which Jest gives each test
 * file a copy of.
 */
const load = createRequire(__filename);
const api = load('@opentelemetry/api') as typeof Api;
const { AsyncLocalStorageContextManager } = load(
  '@opentelemetry/context-async-hooks',
) as typeof ContextAsyncHooks;
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = load(
  '@opentelemetry/sdk-trace-base',
) as typeof SdkTraceBase;

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  contextManager.enable();
  api.context.setGlobalContextManager(contextManager);
  api.trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
});

afterAll(() => {
  api.trace.disable();
  api.context.disable();
});

const HEADER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

/** Serves each request inside an active span, ended (and exported) once the response is sent. */
function traced(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  ended: (span: Promise<SdkTraceBase.ReadableSpan>) => void,
): http.RequestListener {
  const tracer = api.trace.getTracer('faultline-test');
  return (req, res) => {
    tracer.startActiveSpan(`${req.method} ${req.url}`, (span) => {
      ended(
        new Promise((resolve) => {
          res.on('finish', () => {
            span.end();
            resolve(span as unknown as SdkTraceBase.ReadableSpan);
          });
        }),
      );
      handle(req, res);
    });
  };
}

type Options = Record<string, unknown>;
interface TracedApp {
  readonly port: number;
  /** The span of the last request, once it has ended. */
  lastSpan(): Promise<SdkTraceBase.ReadableSpan>;
  close(): Promise<void>;
}

const failures: Record<string, () => unknown> = {
  '/not-found': () => new ProblemError('RESOURCE_NOT_FOUND'),
  '/crash': () => new Error('database timed out'),
};

async function startExpress(express: typeof express5, options: Options): Promise<TracedApp> {
  const app = express();
  for (const [path, fail] of Object.entries(failures)) {
    app.get(path, () => {
      throw fail();
    });
  }
  app.use(problemHandlers({ ...options, logger: { error() {} } } as ProblemHandlerOptions));
  let span: Promise<SdkTraceBase.ReadableSpan> | undefined;
  const server = http.createServer(
    traced(app, (ended) => {
      span = ended;
    }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    lastSpan: () => span ?? Promise.reject(new Error('no request')),
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

async function startFastify(
  factory: (options: Record<string, unknown>) => import('fastify').FastifyInstance,
  options: Options,
): Promise<TracedApp> {
  let span: Promise<SdkTraceBase.ReadableSpan> | undefined;
  const app = factory({
    serverFactory: (handler: http.RequestListener) =>
      http.createServer(
        traced(handler, (ended) => {
          span = ended;
        }),
      ),
  });
  await app.register(faultline, options as FaultlineOptions);
  for (const [path, fail] of Object.entries(failures)) {
    app.get(path, async () => {
      throw fail();
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    port: (app.server.address() as AddressInfo).port,
    lastSpan: () => span ?? Promise.reject(new Error('no request')),
    close: () => app.close(),
  };
}

type FastifyFactory = Parameters<typeof startFastify>[0];
const frameworks: readonly (readonly [string, (options: Options) => Promise<TracedApp>])[] = [
  ['Express 4', (options) => startExpress(express4 as unknown as typeof express5, options)],
  ['Express 5', (options) => startExpress(express5, options)],
  ['Fastify 4', (options) => startFastify(fastify4 as unknown as FastifyFactory, options)],
  ['Fastify 5', (options) => startFastify(fastify5 as unknown as FastifyFactory, options)],
];

/** One request to a fresh app: its body and the span it ran in. */
async function request(
  start: (options: Options) => Promise<TracedApp>,
  options: Options,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; span: SdkTraceBase.ReadableSpan }> {
  const app = await start(options);
  try {
    const answer = await send(app.port, { method: 'GET', path, headers });
    const span = await app.lastSpan();
    return { status: answer.status, body: JSON.parse(answer.body), span };
  } finally {
    await app.close();
  }
}

const { SpanStatusCode } = api;

describe.each(frameworks)('OpenTelemetry on %s', (_name, start) => {
  it("puts the active span's trace id in the body, over a traceparent header", async () => {
    const { body, span } = await request(start, { traceId: true }, '/not-found', {
      traceparent: `00-${HEADER_TRACE}-00f067aa0ba902b7-01`,
    });
    expect(body.trace_id).toBe(span.spanContext().traceId);
    expect(body.trace_id).not.toBe(HEADER_TRACE);
  });

  it('a 4xx sets error.type to its code and leaves the span status unset', async () => {
    const { status, span } = await request(start, {}, '/not-found');
    expect(status).toBe(404);
    expect(span.attributes['error.type']).toBe('RESOURCE_NOT_FOUND');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.events).toEqual([]);
  });

  it('a path no route serves is a 4xx like any other', async () => {
    const { status, span } = await request(start, {}, '/nowhere');
    expect(status).toBe(404);
    expect(span.attributes['error.type']).toBe('RESOURCE_NOT_FOUND');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('a 5xx sets error.type to its status and the span status to ERROR, recording nothing', async () => {
    const { status, span } = await request(start, {}, '/crash');
    expect(status).toBe(500);
    expect(span.attributes['error.type']).toBe('500');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events).toEqual([]);
  });

  it("records a 5xx's error as an exception only when asked", async () => {
    const options = { openTelemetry: { recordException: true } };
    const crash = await request(start, options, '/crash');
    expect(
      crash.span.events.map((event) => [event.name, event.attributes?.['exception.message']]),
    ).toEqual([['exception', 'database timed out']]);
    const notFound = await request(start, options, '/not-found');
    expect(notFound.span.events).toEqual([]);
  });

  it('openTelemetry: false leaves the span alone', async () => {
    const { span } = await request(start, { openTelemetry: false }, '/crash');
    expect(span.attributes).not.toHaveProperty('error.type');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });
});
