import type http from 'node:http';
import { ProblemError } from '@faultline/core';
import { problemClientErrors, problemHandlers, problemJson } from '@faultline/express';
import { listen } from '@faultline/test-support';
import createError from 'http-errors';
import type { Framework } from '../../helpers/frameworks';
import { type LogCall, recordingLogger } from '../../helpers/logger';

export interface HostileServer {
  readonly server: http.Server;
  /** Everything the problem handlers and the clientError handler logged. */
  readonly calls: LogCall[];
  /** `error` events on responses and sockets: write failures the server would not survive well. */
  readonly socketErrors: unknown[];
}

/**
 * An API written the way applications are: JSON bodies, handlers that build problems from what
 * the client sent, the problem handlers after the routes and `problemClientErrors` on the server.
 */
export async function startHostileServer(
  { express }: Framework,
  serverOptions: http.ServerOptions = {},
): Promise<HostileServer> {
  const { logger, calls } = recordingLogger();
  const socketErrors: unknown[] = [];
  const app = express();
  app.post('/echo', problemJson(), (req, res) => {
    res.status(201).json(req.body);
  });
  // Answers without serialising the body back (a deeply nested one cannot be).
  app.post('/accept', problemJson(), (req, res) => {
    res.status(201).json({ kind: Array.isArray(req.body) ? 'array' : typeof req.body });
  });
  // The client decides what is thrown.
  app.post('/reflect', problemJson(), (req, _res, next) => {
    next(req.body);
  });
  app.post('/large', problemJson({ limit: '32mb' }), (_req, res) => {
    res.status(201).json({ ok: true });
  });
  // A detail built from the client's input, as a careless handler would.
  app.post('/fields', problemJson({ limit: '8mb' }), (req) => {
    throw new ProblemError('INVALID_FIELD_VALUE', {
      detail: `Unknown field '${String(req.body?.field)}'.`,
    });
  });
  // Header material built from the query: the core refuses CR/LF at construction.
  app.get('/unavailable', (req) => {
    throw new ProblemError('SERVICE_UNAVAILABLE', {
      retryAfter: Number(req.query.after),
      headers: { 'X-Request-Note': String(req.query.note ?? 'none') },
    });
  });
  app.get('/methods', (req) => {
    throw new ProblemError('METHOD_NOT_ALLOWED', { allow: [String(req.query.method)] });
  });
  app.get('/legacy', (req, _res, next) => {
    next(createError(429, 'Slow down.', { headers: { 'Retry-After': String(req.query.after) } }));
  });
  app.get('/v2/datasets/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  app.use(problemHandlers({ instance: true, logger }));

  const server = await listen(app, serverOptions);
  problemClientErrors(server, { logger });
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on('error', (error) => socketErrors.push(error));
  });
  server.on('connection', (socket) => {
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A client that resets its own connection is not a server failure.
      if (error.code !== 'ECONNRESET') socketErrors.push(error);
    });
  });
  return { server, calls, socketErrors };
}
