import http from 'node:http';
import { listenNode } from './listen.mjs';
import { rawKey, rawResponses } from './raw-responses.mjs';

function precompute({ status, headers, body }) {
  const payload = Buffer.from(JSON.stringify(body));
  return { status, headers: { ...headers, 'Content-Length': String(payload.length) }, payload };
}

const responses = new Map(
  Object.entries(rawResponses).map(([key, response]) => [key, precompute(response)]),
);
const fallback = responses.get('GET /nothing/here');

function answer(res, key) {
  const { status, headers, payload } = responses.get(key) ?? fallback;
  res.writeHead(status, headers);
  res.end(payload);
}

/**
 * The ceiling: `node:http` writing a buffer serialised at start-up. Nothing per request but
 * routing on `METHOD url` (and, for POST, reading the body to tell the three bodies apart).
 */
export function start() {
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      answer(res, rawKey(req.method, req.url));
      return;
    }
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => answer(res, rawKey(req.method, req.url, text)));
  });
  return listenNode(server);
}
