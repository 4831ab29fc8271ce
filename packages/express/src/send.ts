import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  applyProblemHeaders,
  type HeaderWriter,
  type PreparedAnswer,
} from '@faultline/core/adapter';

/** Node's response as core's header policy sees it. */
function writerOf(res: ServerResponse): HeaderWriter {
  return {
    names: () => res.getHeaderNames(),
    get(name) {
      const value = res.getHeader(name);
      return Array.isArray(value)
        ? value.join(', ')
        : value === undefined
          ? undefined
          : String(value);
    },
    remove: (name) => res.removeHeader(name),
    set(name, value) {
      try {
        res.setHeader(name, value);
      } catch {
        // Node refuses what it cannot send (a control character, a character beyond Latin-1):
        // the problem goes out without that header rather than as a 500.
      }
    },
    append(name, value) {
      try {
        res.appendHeader(name, value);
      } catch {
        // As above.
      }
    },
  };
}

/**
 * Writes a prepared problem answer with plain Node calls (no Express helpers, so nothing is
 * recomputed), keeping the headers core's policy keeps. HEAD gets the headers and no body
 * (RFC 9110 §9.3.2).
 */
export function sendAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: PreparedAnswer,
): void {
  res.statusCode = answer.status;
  applyProblemHeaders(writerOf(res), answer.headers, answer.status);
  res.setHeader('Content-Length', Buffer.byteLength(answer.payload));
  if (req.method === 'HEAD') res.end();
  else res.end(answer.payload);
}

/** Last resort: the static 500, or a closed connection when even that cannot be written. */
export function sendFallback(
  req: IncomingMessage,
  res: ServerResponse,
  fallback: PreparedAnswer,
): void {
  try {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    sendAnswer(req, res, fallback);
  } catch {
    try {
      res.destroy();
    } catch {
      // Nothing is left to try.
    }
  }
}
