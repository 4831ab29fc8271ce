import type { ProblemResponse } from './normalise.js';
import { reasonPhrase } from './status.js';

/** Bytes of `text` in UTF-8 (a lone surrogate is written as U+FFFD, three bytes). */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/**
 * A whole HTTP/1.1 response, status line to body, for a socket no framework has taken yet (a
 * request Node's parser rejected). It closes the connection: the request's framing is unknown.
 */
export function rawHttpResponse({ status, headers }: ProblemResponse, payload: string): string {
  let head = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  head += `Content-Length: ${utf8Length(payload)}\r\nConnection: close\r\n\r\n`;
  return head + payload;
}
