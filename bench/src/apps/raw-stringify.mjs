import http from 'node:http';
import { listenNode } from './listen.mjs';
import { rawResponses } from './raw-responses.mjs';

const notFound = rawResponses['GET /items/42'];

/**
 * `node:http` serialising the 404 problem document with `JSON.stringify` on every request: what
 * a single `JSON.stringify` costs against the precomputed ceiling.
 */
export function start() {
  const server = http.createServer((req, res) => {
    const payload = JSON.stringify({ ...notFound.body, instance: req.url });
    res.writeHead(notFound.status, {
      ...notFound.headers,
      'Content-Length': String(Buffer.byteLength(payload)),
    });
    res.end(payload);
  });
  return listenNode(server);
}
