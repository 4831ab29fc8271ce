import http from 'node:http';
import type { RequestSpec } from './scenario';

/** An answer as it came off the wire. */
export interface WireAnswer {
  readonly status: number;
  /** `[name, value]` pairs in the order received, names as sent (`res.rawHeaders`). */
  readonly rawHeaders: readonly (readonly [string, string])[];
  /** The body bytes, decoded as UTF-8 (problem bodies are UTF-8 JSON). */
  readonly body: string;
}

/**
 * Sends one request over a fresh connection (no agent, so no connection is shared between
 * requests) and resolves when the whole response has arrived. The body is sent with an explicit
 * Content-Length; no header is added that the spec does not give.
 */
export function send(port: number, spec: RequestSpec): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) headers['Content-Length'] = Buffer.byteLength(spec.body);
    const request = http.request(
      { host: '127.0.0.1', port, method: spec.method, path: spec.path, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const raw = response.rawHeaders;
          const pairs: (readonly [string, string])[] = [];
          for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
          resolve({
            status: response.statusCode ?? 0,
            rawHeaders: pairs,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(spec.body);
  });
}
