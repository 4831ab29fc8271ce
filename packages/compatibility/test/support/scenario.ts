import type { Express } from 'express';
import type { FastifyInstance } from 'fastify';

/** Every rejected value the scenarios send contains this: no answer may show it. */
export const SECRET = 'hunter2-secret';

/** One request, as sent on a fresh connection. */
export interface RequestSpec {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** How one row of the compatibility table is played with its real library. */
export interface Scenario {
  /** The installed package whose major.minor the row's "versions tested" names. */
  readonly package: string;
  /** The routes (and middleware) of an Express app, before faultline's handlers. */
  readonly express?: (app: Express) => void | Promise<void>;
  /** The plugins and routes of a Fastify app, after faultline's plugin. */
  readonly fastify?: (app: FastifyInstance) => void | Promise<void>;
  /** The library needs Fastify 5 (the newest majors of the `@fastify/*` plugins do). */
  readonly fastify5Only?: boolean;
  /** The requests, in order, on the app; the answer to the last is held to the row. */
  readonly requests: () => readonly RequestSpec[] | Promise<readonly RequestSpec[]>;
  /**
   * Whether the rules hide the library's own message: then no answer shows the message of any
   * error the app saw.
   */
  readonly hidesMessage: boolean;
}

/** A JSON `POST /` of `value`. */
export function postJson(value: unknown, path = '/'): RequestSpec {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  };
}

/** A `POST /` of a multipart form, as `fetch` would encode it. */
export async function postForm(form: FormData, path = '/'): Promise<RequestSpec> {
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return {
    method: 'POST',
    path,
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    body: Buffer.from(await request.arrayBuffer()),
  };
}
