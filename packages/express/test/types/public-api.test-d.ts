// Compiled by `pnpm typecheck` (tsc), never run: a line that should not compile must not.
import { createServer } from 'node:http';
import {
  asyncHandler,
  type ProblemLogger,
  problemClientErrors,
  problemHandlers,
  problemJson,
  rateLimitExceeded,
  wrapAsyncRoutes,
} from '@faultline/express';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import express4 from 'express4';

// Express 5 typings: the wiring of the README compiles as written.
const app = express();
app.use(problemJson());
app.post('/datasets', problemJson({ limit: '1mb' }), (req, res) => {
  res.status(201).json(req.body);
});
app.get(
  '/datasets/:id',
  asyncHandler(async (req, res) => {
    res.json({ id: req.params.id });
  }),
);
app.use(rateLimit({ windowMs: 60_000, limit: 100, handler: rateLimitExceeded }));
app.use(problemHandlers({ instance: (req) => req.originalUrl }));
const [notFound, onError] = problemHandlers();
app.use(notFound, onError);
wrapAsyncRoutes(app);
problemClientErrors(app.listen(0));
problemClientErrors(createServer(app), { logger: console });

// Express 4 typings take the same middleware. (asyncHandler is typed with whichever
// @types/express the application has, so it is checked against Express 5 only.)
const app4 = express4();
app4.use(problemJson());
app4.post('/datasets', problemJson(), (req, res) => {
  res.status(201).json(req.body);
});
app4.use(problemHandlers());
const [notFound4, onError4] = problemHandlers();
app4.use(notFound4, onError4);
wrapAsyncRoutes(app4);

// A pino-shaped logger fits; a logger without error() does not.
const pinoLike = {
  error(obj: object, msg?: string, ...args: unknown[]) {
    void [obj, msg, args];
  },
  info(obj: object, msg?: string) {
    void [obj, msg];
  },
};
problemHandlers({ logger: pinoLike });
// @ts-expect-error: info alone is not a logger
const noError: ProblemLogger = { info() {} };
// @ts-expect-error: instance is a boolean or a function, not a string
problemHandlers({ instance: '/x' });
// @ts-expect-error: limit is bytes or a bytes string, not a boolean
problemJson({ limit: true });
void noError;

// The production options: typed with Express's request where they take one.
problemHandlers({
  traceId: { member: 'traceId' },
  openTelemetry: { recordException: true },
  xml: true,
  scope: (req) => req.originalUrl.startsWith('/api'),
  redact: ['password', 'pin_code'],
  locales: ['en', 'de'],
  localize: (problem, language) =>
    language === 'de' && problem.code === 'RESOURCE_NOT_FOUND'
      ? { title: 'Nicht gefunden' }
      : undefined,
});
problemHandlers({ traceId: true, scope: ['/api', '/v2'], redact: true });
// @ts-expect-error: traceId is a boolean or { member }
problemHandlers({ traceId: 'trace_id' });
// @ts-expect-error: scope is a prefix, a list of them or a function of the request
problemHandlers({ scope: 42 });
// @ts-expect-error: localize returns texts, not a string
problemHandlers({ locales: ['en'], localize: () => 'Nicht gefunden' });
