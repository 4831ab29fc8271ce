import type { FastifyInstance } from 'fastify';

/** A response read over real HTTP: status, headers and the body as text. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON. */
  json(): unknown;
}

/**
 * Starts `app` on an ephemeral port of the loopback interface and returns a function that sends
 * one request to it over HTTP. The app is the caller's to close.
 */
export async function overHttp(
  app: FastifyInstance,
): Promise<(path: string, init?: RequestInit) => Promise<HttpAnswer>> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return async (path, init) => {
    const response = await fetch(`${address}${path}`, init);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: () => JSON.parse(text) as unknown,
    };
  };
}
