import { showValue } from './adapter-options.js';
import { standardMembers } from './problem-document.js';
import type { TraceApi } from './telemetry.js';

/*
 * The trace id every problem can carry, to quote to support and to find the request's log
 * record and trace: the active OpenTelemetry span's, else the caller's W3C `traceparent`, else a
 * fresh one.
 */

/** The `traceId` option: `true` for a `trace_id` member, or the member's name. */
export type TraceIdOption = boolean | { readonly member?: string };

/** 32 lowercase hex digits (W3C Trace Context §3.2.2.3); all zeros is not a trace id. */
const traceIdPattern = /^[0-9a-f]{32}$/;
const zeroTraceId = '0'.repeat(32);

/** The members an extension name may use (RFC 9457 §3.2), so that XML can carry it too. */
const memberPattern = /^[A-Za-z][A-Za-z0-9_]{2,}$/;

export function isTraceId(value: unknown): value is string {
  return typeof value === 'string' && traceIdPattern.test(value) && value !== zeroTraceId;
}

/**
 * `version-traceid-parentid-flags`, each lowercase hex. Version 00 is exactly that; a later
 * version may add fields after a `-` (W3C Trace Context §4.3). Version `ff` is invalid.
 */
const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?$/;

/**
 * The trace id of a valid `traceparent` header, or `undefined`: a header that breaks the format
 * (uppercase, a zero trace or parent id, version `ff`, extra fields on version 00) is ignored.
 */
export function traceIdFromTraceparent(header: string | undefined): string | undefined {
  if (header === undefined || header.length > 512) return undefined;
  const match = traceparentPattern.exec(header.trim());
  if (match === null) return undefined;
  const [, version, traceId, parentId, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (parentId === '0000000000000000' || !isTraceId(traceId)) return undefined;
  return traceId;
}

interface WebCrypto {
  getRandomValues(array: Uint8Array): Uint8Array;
}

function webCrypto(): WebCrypto | undefined {
  const crypto = (globalThis as { crypto?: Partial<WebCrypto> }).crypto;
  return typeof crypto?.getRandomValues === 'function' ? (crypto as WebCrypto) : undefined;
}

/** Two lowercase hex digits of every byte value. */
const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Random bytes drawn at a time: one call to the generator per 256 trace ids, not one per id. */
const poolSize = 4096;

/**
 * A source of fresh random 128-bit trace ids, from Web Crypto. The bytes are drawn 4 KiB at a
 * time, as uuid does: a call to the generator costs about ten microseconds, a slice of the
 * pool almost nothing.
 */
function randomTraceIds(crypto: WebCrypto): () => string {
  const pool = new Uint8Array(poolSize);
  let offset = poolSize;
  return function randomTraceId() {
    if (offset === poolSize) {
      crypto.getRandomValues(pool);
      offset = 0;
    }
    const end = offset + 16;
    let id = '';
    let zero = true;
    for (let index = offset; index < end; index++) {
      const byte = pool[index] as number;
      if (byte !== 0) zero = false;
      id += hexOfByte[byte];
    }
    offset = end;
    // A trace id of all zeros is invalid; one chance in 2^128, but the rule is the rule.
    return zero ? `${'0'.repeat(31)}1` : id;
  };
}

/** Where an adapter finds the facts a trace id is taken from. */
export interface TraceSources<Context> {
  /** The request's `traceparent` header. */
  readonly traceparent: (context: Context) => string | undefined;
  /** `@opentelemetry/api`'s `trace`, once an SDK is registered and the application has it. */
  readonly trace: () => TraceApi | undefined;
}

/** The resolved option: the member's name, and how the id of a request is found. */
export interface TraceIds<Context> {
  readonly member: string;
  /** The id of the request on `context`; a fresh one without a context. Never throws. */
  idOf(context: Context | undefined): string;
}

/**
 * Checks the `traceId` option and resolves it once; `undefined` when it is off. Throws a
 * `TypeError` naming the option for a bad value, a member name that is not a plain extension
 * name or is a standard member, and a runtime without Web Crypto.
 */
export function resolveTraceIds<Context>(
  option: unknown,
  sources: TraceSources<Context>,
  where: string,
): TraceIds<Context> | undefined {
  if (option === undefined || option === false) return undefined;
  let member = 'trace_id';
  if (typeof option === 'object' && option !== null && !Array.isArray(option)) {
    const { member: given, ...rest } = option as { member?: unknown };
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) {
      throw new TypeError(`${where}: unknown option traceId.${unknown}; traceId takes member`);
    }
    if (given !== undefined) {
      if (typeof given !== 'string' || !memberPattern.test(given) || standardMembers.has(given)) {
        throw new TypeError(
          `${where}: option traceId.member must be an extension member name (a letter, then letters, digits or "_", 3 characters at least; not a standard member), got ${showValue(given)}`,
        );
      }
      member = given;
    }
  } else if (option !== true) {
    throw new TypeError(
      `${where}: option traceId must be a boolean or { member }, got ${showValue(option)}`,
    );
  }
  const crypto = webCrypto();
  if (crypto === undefined) {
    throw new TypeError(
      `${where}: option traceId needs Web Crypto (globalThis.crypto.getRandomValues), which this runtime lacks; run Node 19 or later`,
    );
  }
  const { traceparent, trace } = sources;
  const randomTraceId = randomTraceIds(crypto);

  function idOf(context: Context | undefined): string {
    if (context !== undefined) {
      try {
        const spanId = trace()?.getActiveSpan()?.spanContext().traceId;
        if (isTraceId(spanId)) return spanId;
        const fromHeader = traceIdFromTraceparent(traceparent(context));
        if (fromHeader !== undefined) return fromHeader;
      } catch {
        // A hostile request or a broken tracer: the id is a fresh one.
      }
    }
    return randomTraceId();
  }
  return { member, idOf };
}
