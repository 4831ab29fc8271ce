import type { IncomingMessage } from 'node:http';

/** The path of a request target (origin or absolute form), without its query. */
function pathnameOf(url: string): string {
  if (url.startsWith('/')) {
    const end = url.indexOf('?');
    return end === -1 ? url : url.slice(0, end);
  }
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}

/** The path the client asked for, as Express saw it before any mount stripped a prefix. */
export function requestPath(req: IncomingMessage & { originalUrl?: string }): string {
  return pathnameOf(req.originalUrl ?? req.url ?? '/');
}
