import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A middleware as Express calls it, typed on Node's own request and response so that it fits the
 * typings of Express 4 and Express 5 alike (the way body-parser's parsers are typed).
 */
export type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** An error middleware (four parameters), typed like `Middleware`. */
export type ErrorMiddleware = (
  error: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;
