import type { Scenario } from './scenario.js';
import type { WireResponse } from './wire.js';

/** Headers that describe the connection or the moment, not the answer. */
const transportHeaders = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);
const datasetIds = /ZGF0YXNldC[A-Za-z0-9_-]*/g;
const timestamps = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
/** A trace id in an XML problem; in JSON it is the `trace_id` member. */
const xmlTraceIds = /(?<=<trace_id>)[0-9a-f]{32}(?=<\/trace_id>)/g;
const anyTraceId = /^[0-9a-f]{32}$/;

/** What two apps must agree on, with what legitimately differs (ids, clocks) masked. */
export interface Comparable {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

function mask(text: string): string {
  return text
    .replace(datasetIds, '<dataset-id>')
    .replace(timestamps, '<timestamp>')
    .replace(xmlTraceIds, '<trace-id>');
}

function maskValues(value: unknown): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map(maskValues);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        // `instance` may name the request differently; the contract leaves it open.
        .filter(([name]) => name !== 'instance')
        // Each app draws its own trace id when the request brings none: only its form is compared.
        .map(([name, member]) => [
          name,
          name === 'trace_id' && typeof member === 'string' && anyTraceId.test(member)
            ? '<trace-id>'
            : maskValues(member),
        ]),
    );
  }
  return value;
}

/**
 * The parts of a response that both apps must answer alike: status, every header but the
 * transport ones, and the body (parsed when JSON) without `instance`. Dataset ids, timestamps and
 * trace ids are masked, and the seconds until the limit resets (counted by two clocks) only checked for
 * being a number.
 */
export function comparable(response: WireResponse): Comparable {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (transportHeaders.has(name)) continue;
    const seconds =
      name === 'ratelimit-reset' || (name === 'retry-after' && response.status === 429);
    headers[name] = seconds && /^\d+$/.test(value) ? '<seconds>' : mask(value);
  }
  let body: unknown = response.text;
  if (/json/.test(response.headers['content-type'] ?? '') && response.text !== '') {
    try {
      body = JSON.parse(response.text);
    } catch {
      // Left as text: the other app's body is compared as text too.
    }
  }
  return { status: response.status, headers, body: maskValues(body) };
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function walk(
  a: unknown,
  b: unknown,
  path: string,
  names: readonly [string, string],
  out: string[],
): void {
  const bothObjects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null;
  if (bothObjects && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const child = Array.isArray(a) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      walk(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        child,
        names,
        out,
      );
    }
    return;
  }
  if (!Object.is(a, b) && JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${path || '(value)'}: ${names[0]} ${show(a)}, ${names[1]} ${show(b)}`);
  }
}

/**
 * Every difference between two apps' answers to the same request, as
 * `body.detail: express "…", fastify "…"` lines; empty when they answered alike.
 *
 * @example expect(frameworkDifferences(expressResponse, fastifyResponse)).toEqual([]);
 */
export function frameworkDifferences(
  a: WireResponse,
  b: WireResponse,
  names: readonly [string, string] = ['express', 'fastify'],
): string[] {
  const out: string[] = [];
  walk(comparable(a), comparable(b), '', names, out);
  return out;
}

/**
 * `frameworkDifferences` as a row asks for: the whole answer, or only the status and
 * Content-Type where the row says the body is each framework's own (`alike: 'status'`).
 *
 * @example expect(scenarioDifferences(scenario, expressResponse, fastifyResponse)).toEqual([]);
 */
export function scenarioDifferences(
  scenario: Scenario,
  a: WireResponse,
  b: WireResponse,
  names: readonly [string, string] = ['express', 'fastify'],
): string[] {
  if (scenario.alike !== 'status') return frameworkDifferences(a, b, names);
  const out: string[] = [];
  const outline = (response: WireResponse) => ({
    status: response.status,
    headers: { 'content-type': response.headers['content-type'] },
  });
  walk(outline(a), outline(b), '', names, out);
  return out;
}
