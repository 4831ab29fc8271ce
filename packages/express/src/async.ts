import { readProperty as read } from '@faultline/core/adapter';
import type { NextFunction, Request, Response } from 'express';
import { routerOf } from './allowed-methods.js';
import { where } from './validate.js';

/**
 * Express 5 sends a rejected promise from a handler to the error middleware; Express 4 ignores
 * it, so the request hangs and the process sees an unhandled rejection. These close that gap.
 */

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Forwards a rejection to `next`; a falsy reason would read as "no error", so it is replaced. */
function forward(result: unknown, next: NextFunction): void {
  if (isThenable(result)) {
    result.then(undefined, (reason: unknown) => {
      next(reason || new Error('Rejected promise'));
    });
  }
}

/**
 * Wraps one handler so that a rejected promise (an `async` handler that throws) reaches the
 * error middleware on Express 4 as it does on Express 5. Harmless on Express 5.
 *
 * @example
 * app.get('/datasets/:id', asyncHandler(async (req, res) => {
 *   res.json(await datasets.get(req.params.id)); // a rejection becomes a problem response
 * }));
 */
export function asyncHandler<Req extends Request = Request, Res extends Response = Response>(
  handler: (req: Req, res: Res, next: NextFunction) => unknown,
): (req: Req, res: Res, next: NextFunction) => void {
  if (typeof handler !== 'function') {
    throw new TypeError(`${where}: asyncHandler() takes a function, got ${typeof handler}`);
  }
  return function asyncRoute(req, res, next) {
    forward(handler(req, res, next), next);
  };
}

type Handler = (...args: unknown[]) => unknown;

const wrapped = new WeakSet<Handler>();

/** The same handler, with rejections forwarded; its arity is kept, since Express reads it. */
function wrap(handler: Handler): Handler {
  const safe =
    handler.length === 4
      ? function asyncErrorMiddleware(error: unknown, req: unknown, res: unknown, next: unknown) {
          forward(handler(error, req, res, next), next as NextFunction);
        }
      : function asyncMiddleware(req: unknown, res: unknown, next: unknown) {
          forward(handler(req, res, next), next as NextFunction);
        };
  wrapped.add(safe);
  return safe as Handler;
}

function wrapStack(stack: unknown, depth: number): void {
  if (!Array.isArray(stack) || depth > 32) return;
  for (const layer of stack) {
    const route = read(layer, 'route');
    const handle = read(layer, 'handle');
    if (route !== undefined && route !== null) {
      wrapStack(read(route, 'stack'), depth + 1);
    } else if (Array.isArray(read(handle, 'stack'))) {
      wrapStack(read(handle, 'stack'), depth + 1);
    } else if (typeof handle === 'function' && !wrapped.has(handle as Handler)) {
      (layer as { handle: Handler }).handle = wrap(handle as Handler);
    }
  }
}

/**
 * Makes every handler and middleware already registered on an Express 4 app (or router), in
 * nested routers too, forward rejected promises to the error middleware: no per-route wrapper.
 * Call it once, after the routes and before `listen`; routes added later are not covered. On
 * Express 5, which does this itself, it changes nothing. Sub-apps need their own call.
 *
 * @example
 * app.get('/datasets/:id', async (req, res) => res.json(await datasets.get(req.params.id)));
 * app.use(problemHandlers());
 * wrapAsyncRoutes(app);
 */
export function wrapAsyncRoutes(app: object): void {
  if ((typeof app !== 'function' && typeof app !== 'object') || app === null) {
    throw new TypeError(`${where}: wrapAsyncRoutes() takes an Express app or router`);
  }
  const router = Array.isArray(read(app, 'stack')) ? app : routerOf(app);
  const stack = read(router, 'stack');
  if (!Array.isArray(stack) || stack.length === 0) return;
  // router 2 (Express 5) layers have `handleRequest` and already await what handlers return.
  if (typeof read(stack[0], 'handleRequest') === 'function') return;
  wrapStack(stack, 0);
}
