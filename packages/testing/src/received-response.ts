/** The body of a response, parsed as JSON, or why it could not be. */
export type ReceivedBody =
  | { readonly parsed: true; readonly value: unknown }
  | { readonly parsed: false; readonly reason: string };

/** A response as the matchers see it, whichever client produced it. */
export interface ReceivedResponse {
  readonly status: number;
  /** A header's value (several joined by `, `), or `undefined` when it is absent. */
  header(name: string): string | undefined;
  readonly body: ReceivedBody;
}

/** What `readResponse` makes of a value: a response (a promise of one for fetch) or why not. */
export type Reading =
  | { readonly response: ReceivedResponse | Promise<ReceivedResponse> }
  | { readonly reason: string };

type Members = Record<PropertyKey, unknown>;

interface FetchResponse {
  readonly status: number;
  readonly bodyUsed: boolean;
  readonly headers: { get(name: string): string | null };
  clone(): { text(): Promise<string> };
}

const decoder = new TextDecoder();

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/**
 * Reads headers given as a `Headers`-like object (fetch, axios's `AxiosHeaders`) or as a plain
 * record (supertest, light-my-request), by name in any case.
 */
function headerReader(headers: unknown): (name: string) => string | undefined {
  if (typeof headers !== 'object' || headers === null) return () => undefined;
  const get = (headers as Members).get;
  if (typeof get === 'function') return (name) => headerText(get.call(headers, name));
  const byName = new Map(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value] as const),
  );
  return (name) => headerText(byName.get(name.toLowerCase()));
}

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function parseText(text: string): ReceivedBody {
  if (text === '') return { parsed: false, reason: 'the body is empty' };
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch {
    return { parsed: false, reason: `the body is not JSON: ${preview(text)}` };
  }
}

/** A body a client may have parsed already (axios `data`, superagent `body`), or left as text. */
function parseData(data: unknown): ReceivedBody {
  if (data === undefined || data === null) return { parsed: false, reason: 'the body is empty' };
  if (typeof data === 'string') return parseText(data);
  if (data instanceof ArrayBuffer) return parseText(decoder.decode(new Uint8Array(data)));
  if (ArrayBuffer.isView(data)) {
    return parseText(decoder.decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  }
  return { parsed: true, value: data };
}

function isFetchResponse(value: Members): boolean {
  const headers = value.headers as Members | null | undefined;
  return (
    typeof value.status === 'number' &&
    typeof value.clone === 'function' &&
    typeof value.text === 'function' &&
    typeof value.bodyUsed === 'boolean' &&
    typeof headers?.get === 'function'
  );
}

async function fromFetch(response: FetchResponse): Promise<ReceivedResponse> {
  const body: ReceivedBody = response.bodyUsed
    ? {
        parsed: false,
        reason:
          'the body was already read: give the matcher the response before reading it, or a clone()',
      }
    : parseText(await response.clone().text());
  return { status: response.status, header: headerReader(response.headers), body };
}

function fromAxios(response: Members): ReceivedResponse {
  return {
    status: response.status as number,
    header: headerReader(response.headers),
    body: parseData(response.data),
  };
}

/**
 * Reads a response of supertest (superagent), Fastify's `inject` (light-my-request), fetch or
 * axios, and the errors of axios and superagent that carry a response. The body is parsed from the text the
 * client received when it kept it, so a body the client could not parse is reported as it was.
 */
export function readResponse(value: unknown): Reading {
  if (typeof value !== 'object' || value === null) {
    return { reason: `${value === null ? 'null' : typeof value} is not a response` };
  }
  const members = value as Members;
  if (members.isAxiosError === true) {
    const response = members.response;
    if (typeof response !== 'object' || response === null) {
      return {
        reason: `the axios request failed without a response (${String(members.message)})`,
      };
    }
    return { response: fromAxios(response as Members) };
  }
  if (isFetchResponse(members)) {
    return { response: fromFetch(value as FetchResponse) };
  }
  if (typeof members.statusCode === 'number' && typeof members.payload === 'string') {
    // light-my-request: `payload` is the body as text.
    return {
      response: {
        status: members.statusCode,
        header: headerReader(members.headers),
        body: parseText(members.payload),
      },
    };
  }
  if (
    typeof members.status === 'number' &&
    typeof members.headers === 'object' &&
    'rawResponse' in members
  ) {
    // superagent's error for a JSON body it could not parse: the response as far as it got.
    const { rawResponse } = members;
    return {
      response: {
        status: members.status,
        header: headerReader(members.headers),
        body: parseText(typeof rawResponse === 'string' ? rawResponse : ''),
      },
    };
  }
  if (typeof members.status === 'number' && 'data' in members && 'config' in members) {
    return { response: fromAxios(members) };
  }
  if (
    typeof members.status === 'number' &&
    typeof members.headers === 'object' &&
    ('text' in members || 'body' in members)
  ) {
    // superagent keeps the text of a JSON or text body; other bodies are a Buffer in `body`.
    return {
      response: {
        status: members.status,
        header: headerReader(members.headers),
        body: typeof members.text === 'string' ? parseText(members.text) : parseData(members.body),
      },
    };
  }
  return { reason: 'it is not a response of supertest, Fastify inject, fetch or axios' };
}
