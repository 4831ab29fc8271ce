import type { ContractContext, Scenario, ScenarioRequest, SetupResult } from './scenario.js';
import type { RawTransport, Transport, WireRequest, WireResponse } from './wire.js';

/** How to reach one app: requests, and raw bytes for the parser rows (listening servers only). */
export interface Target {
  readonly send: Transport;
  readonly sendRaw?: RawTransport;
}

/** A row as it was played: what was sent last, and what came back. */
export interface Exchange {
  readonly request: WireRequest | { readonly raw: string };
  readonly response: WireResponse;
  /** How many times the request was sent (more than once only for the rate-limited row). */
  readonly attempts: number;
}

/** A contract request as bytes on the wire. */
export function toWire(request: ScenarioRequest): WireRequest {
  const headers: Record<string, string> = {};
  if (request.key !== undefined) headers.authorization = `Bearer ${request.key}`;
  Object.assign(headers, request.headers);
  let body: string | undefined = request.body;
  if (request.json !== undefined) body = JSON.stringify(request.json);
  const contentType =
    request.contentType === undefined
      ? request.json !== undefined
        ? 'application/json'
        : undefined
      : request.contentType;
  if (contentType !== undefined && contentType !== null) headers['content-type'] = contentType;
  return {
    method: request.method,
    path: request.path,
    headers,
    ...(body === undefined ? {} : { body: Buffer.from(body, 'utf8') }),
  };
}

/** The type base the examples default to: request lines are described with its paths. */
const defaultTypeBase = 'https://api.example.com/docs/errors';

/** One line for tables and failure messages: `POST /v2/datasets [demo-admin-key] {"name":42}`. */
export function describeRequest(scenario: Scenario): string {
  const { request } = scenario;
  if (typeof request === 'object' && 'raw' in request) {
    const line = request.raw.slice(0, request.raw.indexOf('\r\n'));
    return `raw: ${line.length > 48 ? `${line.slice(0, 45)}...` : line}`;
  }
  const spec =
    typeof request === 'function'
      ? request(
          { ids: ['<id>'] },
          { rateLimitMax: 100, rateLimitWindowS: 60, typeBase: defaultTypeBase },
        )
      : request;
  const parts = [spec.method, spec.path];
  if (spec.key !== undefined) parts.push(`[${spec.key}]`);
  else if (spec.headers?.authorization !== undefined) parts.push(`[${spec.headers.authorization}]`);
  if (spec.contentType !== undefined)
    parts.push(spec.contentType === null ? '(no type)' : `(${spec.contentType})`);
  const body = spec.json !== undefined ? JSON.stringify(spec.json) : spec.body;
  if (body !== undefined) parts.push(body.length > 40 ? `${body.slice(0, 37)}...` : body || "''");
  return parts.join(' ');
}

async function runSetup(scenario: Scenario, target: Target): Promise<SetupResult> {
  const ids: string[] = [];
  for (const step of scenario.setup ?? []) {
    const response = await target.send(
      toWire({ method: 'POST', path: '/v2/datasets', key: step.key, json: { name: step.name } }),
    );
    if (response.status !== 201) {
      throw new Error(
        `${scenario.name}: setup could not create '${step.name}': ${response.status} ${response.text}`,
      );
    }
    ids.push((JSON.parse(response.text) as { id: string }).id);
  }
  return { ids };
}

/**
 * Plays one row against one app: the setup, then the request (repeated up to the limit for the
 * rate-limited row). Throws only when the row cannot be played; a wrong answer is for `verify`.
 *
 * @example
 * const { response } = await runScenario(scenario, { send: fetchTransport(url) }, context);
 */
export async function runScenario(
  scenario: Scenario,
  target: Target,
  context: ContractContext,
): Promise<Exchange> {
  const { request } = scenario;
  if (typeof request === 'object' && 'raw' in request) {
    if (target.sendRaw === undefined) {
      throw new Error(`${scenario.name}: raw rows need a listening server`);
    }
    return { request, response: await target.sendRaw(request.raw), attempts: 1 };
  }
  const setup = await runSetup(scenario, target);
  const wire = toWire(typeof request === 'function' ? request(setup, context) : request);
  if (scenario.untilRateLimited !== true) {
    return { request: wire, response: await target.send(wire), attempts: 1 };
  }
  // The allowance is never more than the limit, so the limit + 1st request is refused at the latest.
  let response: WireResponse | undefined;
  let attempts = 0;
  while (attempts <= context.rateLimitMax) {
    attempts++;
    response = await target.send(wire);
    if (response.status !== 200) break;
  }
  return { request: wire, response: response as WireResponse, attempts };
}
