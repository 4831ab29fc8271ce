import { createRequire } from 'node:module';
import { startTelemetry, type Telemetry } from '@faultline-examples/datasets-domain/telemetry';
import type * as Api from '@opentelemetry/api';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import { frameworks, type OpenApp, optionsFor } from './support/frameworks.js';

/*
 * Each app with OpenTelemetry's SDK started by the examples' own telemetry module, as `main.ts`
 * starts it, with the in-memory exporter in place of the console: the HTTP instrumentation makes
 * a server span per request over real HTTP, and the adapter marks it. The SDK is loaded with
 * Node's own `require`, as the telemetry module and the adapters load it (Jest would give its
 * copy a global of its own).
 */
const load = createRequire(__filename);
const { SpanKind, SpanStatusCode } = load('@opentelemetry/api') as typeof Api;
const { InMemorySpanExporter } = load('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase;

type Span = SdkTraceBase.ReadableSpan;

/** The in-memory exporter, telling whoever waits for a server span as soon as it is exported. */
class AwaitedSpans extends InMemorySpanExporter {
  private readonly waiting: { path: string; resolve: (span: Span) => void }[] = [];

  override export(spans: Span[], done: Parameters<SdkTraceBase.SpanExporter['export']>[1]): void {
    super.export(spans, done);
    for (const span of spans) {
      if (span.kind !== SpanKind.SERVER) continue;
      const index = this.waiting.findIndex(({ path }) => span.attributes['url.path'] === path);
      if (index !== -1) this.waiting.splice(index, 1)[0]!.resolve(span);
    }
  }

  /** The server span of the next request to `path`, once it has ended. */
  next(path: string): Promise<Span> {
    return new Promise((resolve) => this.waiting.push({ path, resolve }));
  }
}

const exporter = new AwaitedSpans();
let telemetry: Telemetry;

beforeAll(() => {
  telemetry = startTelemetry(exporter);
});
afterAll(() => telemetry.shutdown());

describe.each(frameworks)('the $name app marks its error spans', (framework) => {
  let server: OpenApp;
  beforeAll(async () => {
    server = await framework.listen(optionsFor(false).options);
  });
  afterAll(() => server.close());

  async function spanOf(path: string) {
    const ended = exporter.next(path);
    const response = await server.send({
      method: 'GET',
      path,
      headers: { authorization: 'Bearer demo-admin-key' },
    });
    return { response, span: await ended };
  }

  test('a 5xx: span status ERROR, error.type set', async () => {
    const { response, span } = await spanOf('/v2/_demo/crash');
    expect(response.status).toBe(500);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('500');
    // The problem's trace id is the span's: the one to look the trace up by.
    expect(JSON.parse(response.text)).toMatchObject({ trace_id: span.spanContext().traceId });
  });

  test('a 404: error.type is its code, and the span status is not ERROR', async () => {
    const { response, span } = await spanOf('/v2/nothing-here');
    expect(response.status).toBe(404);
    expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('RESOURCE_NOT_FOUND');
    expect(JSON.parse(response.text)).toMatchObject({ trace_id: span.spanContext().traceId });
  });

  test('a success: no error.type, no ERROR', async () => {
    const { response, span } = await spanOf('/v2/datasets');
    expect(response.status).toBe(200);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes).not.toHaveProperty('error.type');
  });
});
