import { showValue } from './adapter-options.js';
import type { LogEntry, ProblemLogRecord } from './log-policy.js';
import type { ProblemDocument } from './problem-document.js';

/*
 * Sensitive request fields: their values never reach a problem's `detail`, its `errors[].detail`
 * or the logged error, whatever a validation library or an error message quoted.
 */

/**
 * The fields whose values are secret by default. Names match whatever their case and their `-`
 * or `_`: `api_key` covers `apiKey`, `API-KEY` and `apikey`.
 */
export const defaultSensitiveFields: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'authorization',
  'cookie',
  'api_key',
  'x_api_key',
  'private_key',
  'card_number',
  'credit_card',
  'cvv',
  'cvc',
  'ssn',
];

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/** A field name as compared: lower case, without `-`, `_` or spaces. */
function comparable(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Values shorter than this are not looked for in text: they would match everywhere. */
const shortestSecret = 3;
/** How deep and how many values of a request are read. */
const maxDepth = 8;
const maxValues = 64;

/** The `redact` option: `true` for the default fields, or the list of field names. */
export type RedactOption = boolean | readonly string[];

/** Hides the secrets of one request in text and in a logged error. */
export interface Redactor {
  text(value: string): string;
  /** The error as logged: the same value when it holds nothing secret, else a redacted copy. */
  error(value: unknown): unknown;
}

/** What `redact` resolves to: finds the secrets of one request. */
export interface Redaction {
  /** The redactor of a request whose parsed inputs (body, query) and headers are given. */
  forRequest(inputs: readonly unknown[], authorization: string | undefined): Redactor;
}

function sensitiveNames(option: unknown, where: string): ReadonlySet<string> | undefined {
  if (option === undefined || option === false) return undefined;
  const names = option === true ? defaultSensitiveFields : option;
  if (
    !Array.isArray(names) ||
    !names.every((name) => typeof name === 'string' && comparable(name) !== '')
  ) {
    throw new TypeError(
      `${where}: option redact must be true or a list of field names, got ${showValue(option)}`,
    );
  }
  return new Set(names.map(comparable));
}

/**
 * Pino `redact` paths for the same fields, for a logger's own records (Fastify's `logger`
 * option): each name in its usual spellings, at the top of a record and up to three levels in,
 * and the request headers that carry credentials.
 *
 * @example Fastify({ logger: { redact: pinoRedactPaths() } })
 */
export function pinoRedactPaths(fields: readonly string[] = defaultSensitiveFields): string[] {
  const paths = new Set<string>(['req.headers.authorization', 'req.headers.cookie']);
  for (const field of fields) {
    const words = field.split(/[-_\s]+|(?<=[a-z0-9])(?=[A-Z])/).filter((word) => word !== '');
    if (words.length === 0) continue;
    const lower = words.map((word) => word.toLowerCase());
    const capital = lower.map((word) => word[0]!.toUpperCase() + word.slice(1));
    const spellings = new Set([
      lower.join(''),
      lower.join('_'),
      lower.join('-'),
      lower[0] + capital.slice(1).join(''),
      capital.join(''),
      lower.join('_').toUpperCase(),
    ]);
    for (const spelling of spellings) {
      const key = /^[A-Za-z_$][\w$]*$/.test(spelling) ? `.${spelling}` : `["${spelling}"]`;
      const bare = key.startsWith('.') ? key.slice(1) : key;
      paths.add(bare);
      for (const prefix of ['*', '*.*', '*.*.*']) paths.add(`${prefix}${key}`);
      if (words.length > 1 || spelling.includes('-'))
        paths.add(`req.headers["${lower.join('-')}"]`);
    }
  }
  return [...paths];
}

/** Checks the `redact` option once; `undefined` when it is off. */
export function resolveRedaction(option: unknown, where: string): Redaction | undefined {
  const names = sensitiveNames(option, where);
  if (names === undefined) return undefined;
  const isSensitive = (key: string) => names.has(comparable(key));

  function collect(value: unknown, into: Set<string>, depth: number, sensitive: boolean): void {
    if (into.size >= maxValues || depth > maxDepth) return;
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value);
      if (sensitive && text.length >= shortestSecret) into.add(text);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    try {
      if (Array.isArray(value)) {
        for (const item of value.slice(0, maxValues)) collect(item, into, depth + 1, sensitive);
        return;
      }
      for (const key of Object.keys(value).slice(0, maxValues)) {
        collect(
          (value as Record<string, unknown>)[key],
          into,
          depth + 1,
          sensitive || isSensitive(key),
        );
      }
    } catch {
      // A hostile value: what was read so far is kept.
    }
  }

  return {
    forRequest(inputs, authorization) {
      const secrets = new Set<string>();
      for (const input of inputs) collect(input, secrets, 0, false);
      if (authorization !== undefined) {
        // The credentials, and the whole value, which some libraries quote.
        const credentials = authorization.trim().split(/\s+/).slice(1).join(' ');
        for (const secret of [authorization.trim(), credentials]) {
          if (secret.length >= shortestSecret) secrets.add(secret);
        }
      }
      // Longest first, so that a secret containing another is hidden whole.
      const ordered = [...secrets].sort((a, b) => b.length - a.length);
      const text = (value: string) => {
        let result = value;
        for (const secret of ordered) {
          if (result.includes(secret)) result = result.split(secret).join(REDACTED);
        }
        return result;
      };
      return { text, error: (value) => redactedValue(value, text, isSensitive, 0) };
    },
  };
}

/**
 * `value` with every string scrubbed by `text` and every sensitive key's value replaced; the
 * same value when nothing changes, else a copy (an error keeps its prototype, so a logger still
 * sees an error, with its `message`, `stack` and `cause` redacted).
 */
function redactedValue(
  value: unknown,
  text: (value: string) => string,
  isSensitive: (key: string) => boolean,
  depth: number,
): unknown {
  if (typeof value === 'string') return text(value);
  if (typeof value !== 'object' || value === null || depth > maxDepth) return value;
  try {
    if (Array.isArray(value)) {
      const items = value.map((item) => redactedValue(item, text, isSensitive, depth + 1));
      return items.every((item, index) => item === value[index]) ? value : items;
    }
    const names = Object.getOwnPropertyNames(value);
    let changed = false;
    const redacted: Record<string, unknown> = {};
    for (const name of names) {
      const own = (value as Record<string, unknown>)[name];
      const next = isSensitive(name)
        ? own === undefined
          ? own
          : REDACTED
        : redactedValue(own, text, isSensitive, depth + 1);
      if (next !== own) changed = true;
      redacted[name] = next;
    }
    if (!changed) return value;
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const name of names) {
      const descriptor = Object.getOwnPropertyDescriptor(value, name);
      Object.defineProperty(copy, name, {
        value: redacted[name],
        writable: true,
        configurable: true,
        enumerable: descriptor?.enumerable ?? true,
      });
    }
    return copy;
  } catch {
    // A hostile value: logged as a plain note rather than read further.
    return REDACTED;
  }
}

/** A body whose `detail` and `errors[].detail` hold none of the request's secrets. */
export function redactedBody(body: ProblemDocument, redactor: Redactor): ProblemDocument {
  const redacted: Record<string, unknown> = { ...body };
  if (typeof body.detail === 'string') redacted.detail = redactor.text(body.detail);
  const errors = body.errors;
  if (Array.isArray(errors)) {
    redacted.errors = errors.map((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return entry;
      const detail = (entry as { detail?: unknown }).detail;
      return typeof detail === 'string' ? { ...entry, detail: redactor.text(detail) } : entry;
    });
  }
  return redacted as ProblemDocument;
}

/**
 * The log calls with their errors redacted. Each record is redacted when first read: a call
 * the logger's level drops (a 4xx at `info` under `warn`, say) never walks the error.
 */
export function redactedLogs(calls: readonly LogEntry[], redactor: Redactor): LogEntry[] {
  return calls.map(({ level, message, record: given }) => {
    let record: ProblemLogRecord | undefined;
    return {
      level,
      message,
      get record() {
        if (record === undefined) {
          const err = redactor.error(given.err);
          record = err === given.err ? given : { ...given, err };
        }
        return record;
      },
    };
  });
}
