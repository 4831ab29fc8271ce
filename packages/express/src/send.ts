import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  PROBLEM_CONTENT_TYPE,
  type ProblemResponse,
  type Registry,
  UNEXPECTED_ERROR_DETAIL,
} from '@faultline/core';

/**
 * Headers that describe the representation a handler meant to send: they are wrong for the
 * problem that replaces it. Everything else already set (rate-limit fields, CORS, Vary) stays.
 */
const representationHeaders: ReadonlySet<string> = new Set([
  'content-encoding',
  'content-language',
  'content-range',
  'content-disposition',
  'content-location',
  'etag',
  'last-modified',
  'transfer-encoding',
]);

/**
 * Writes a problem response with plain Node calls (no Express helpers, so nothing is
 * recomputed). HEAD gets the headers and no body (RFC 9110 §9.3.2). `payload` is the body
 * already serialised, for an answer built once.
 */
export function sendProblem(
  req: IncomingMessage,
  res: ServerResponse,
  response: ProblemResponse,
  payload: string = JSON.stringify(response.body),
): void {
  res.statusCode = response.status;
  // Usually one or two names (X-Powered-By): cheaper than removing each candidate blindly.
  for (const name of res.getHeaderNames()) {
    if (representationHeaders.has(name)) res.removeHeader(name);
  }
  const { headers } = response;
  for (const name of Object.keys(headers)) {
    // A foreign error's headers reach here too: one describing another representation
    // (`Content-Encoding: gzip`) would make the problem unreadable.
    if (representationHeaders.has(name.toLowerCase())) continue;
    try {
      res.setHeader(name, headers[name]!);
    } catch {
      // Node refuses what it cannot send (a control character, a character beyond Latin-1):
      // the problem goes out without that header rather than as a 500.
    }
  }
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  if (req.method === 'HEAD') res.end();
  else res.end(payload);
}

/** The 500 sent when building the real answer failed: serialised once, at start-up. */
export function fallbackPayload(registry: Registry): string {
  const { title, type } = registry.byStatus(500);
  return JSON.stringify({ status: 500, title, type, detail: UNEXPECTED_ERROR_DETAIL });
}

/** Last resort: the static 500, or a closed connection when even that cannot be written. */
export function sendFallback(req: IncomingMessage, res: ServerResponse, payload: string): void {
  try {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.statusCode = 500;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', Buffer.byteLength(payload));
    if (req.method === 'HEAD') res.end();
    else res.end(payload);
  } catch {
    try {
      res.destroy();
    } catch {
      // Nothing is left to try.
    }
  }
}
