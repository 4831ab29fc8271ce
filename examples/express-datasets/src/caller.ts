import type { Caller, DatasetService } from '@faultline-examples/datasets-domain';
import type { NextFunction, Request, Response } from 'express';

/** Where a request's authenticated caller is kept. */
interface Locals {
  caller?: Caller;
}

/** The caller `authenticateCaller` found; only routes behind it ask. */
export function callerOf(res: Response): Caller {
  const { caller } = res.locals as Locals;
  if (caller === undefined) throw new Error('callerOf() used on a route without authentication');
  return caller;
}

/** The caller, or `undefined` before (or without) authentication. */
export function maybeCallerOf(res: Response): Caller | undefined {
  return (res.locals as Locals).caller;
}

/**
 * Authenticates every `/v2` route: the Bearer key names the caller, or the domain throws the
 * 401 errors its mapper turns into problems.
 */
export function authenticateCaller(service: DatasetService) {
  return function authenticateBearer(req: Request, res: Response, next: NextFunction): void {
    (res.locals as Locals).caller = service.authenticate(req.headers.authorization);
    next();
  };
}
