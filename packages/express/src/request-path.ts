import type { IncomingMessage } from 'node:http';
import { requestTargetInstance, requestTargetPath } from '@faultline/core';

/** The request target as Express saw it before any mount stripped a prefix. */
function targetOf(req: IncomingMessage & { originalUrl?: string }): string {
  return req.originalUrl ?? req.url ?? '/';
}

/** The path the client asked for, without its query. */
export function requestPath(req: IncomingMessage & { originalUrl?: string }): string {
  return requestTargetPath(targetOf(req));
}

/** The request path as the `instance` of its problem. */
export function requestInstance(req: IncomingMessage & { originalUrl?: string }): string {
  return requestTargetInstance(targetOf(req));
}
