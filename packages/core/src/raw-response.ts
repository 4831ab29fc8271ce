import type { ProblemResponse } from './normalise.js';
import { reasonPhrase } from './status.js';

const utf8 = new TextEncoder();

/**
 * A whole HTTP/1.1 response, status line to body, for a socket no framework has taken yet (a
 * request Node's parser rejected). It closes the connection: the request's framing is unknown.
 */
export function rawHttpResponse({ status, headers }: ProblemResponse, payload: string): string {
  let head = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  head += `Content-Length: ${utf8.encode(payload).length}\r\nConnection: close\r\n\r\n`;
  return head + payload;
}
