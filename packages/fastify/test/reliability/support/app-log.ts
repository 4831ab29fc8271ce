import { Writable } from 'node:stream';

/** pino's numeric level of `warn`. */
const WARN = 40;

/**
 * A pino destination that keeps the warnings only. The plugin logs at `info` (4xx) and `error`
 * (5xx), never at `warn`; Fastify warns when a reply is sent twice (`Reply was already sent`),
 * which is where a second answer to one request shows, since it never reaches the wire.
 */
export function logSink(): { readonly stream: Writable; readonly warnings: string[] } {
  const warnings: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '' || !line.startsWith(`{"level":${WARN}`)) continue;
        const { msg } = JSON.parse(line) as { msg?: unknown };
        warnings.push(String(msg));
      }
      callback();
    },
  });
  return { stream, warnings };
}
