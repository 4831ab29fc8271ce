import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from '@faultline/core';
import { methodNotAllowed } from '@faultline/core/adapter';
import {
  appendVary,
  type DocsResponse,
  type ProblemDocsOptions,
  problemDocumentation,
} from './problem-documentation.js';

export type { ProblemDocsOptions } from './problem-documentation.js';

/**
 * A middleware as Express calls it, typed on Node's own request and response so that it fits the
 * typings of Express 4 and Express 5 alike.
 */
export type ProblemDocsMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

function write(res: ServerResponse, answer: DocsResponse): void {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) {
    res.setHeader(name, name === 'Vary' ? appendVary(res.getHeader(name), value) : value);
  }
  res.end(answer.body);
}

/**
 * Serves the registry's error page at the path of its type base, so every `type` URI an answer
 * carries dereferences to its section: `GET` and `HEAD`, negotiated on `Accept` (the HTML page
 * with its Content-Security-Policy, the JSON catalogue or the Markdown), with a strong `ETag`
 * and `304`. Everything is rendered here, once. Other methods at that path reach
 * `@faultline/express`'s error handler as a 405 with `Allow: GET, HEAD`; `OPTIONS` gets 204 with
 * `Allow`. Bad options throw a `TypeError` saying what to fix.
 *
 * @example
 * app.use(problemDocs(registry, { title: 'Datasets API errors' }));
 * // ...routes
 * app.use(problemHandlers({ registry }));
 */
export function problemDocs<Code extends string>(
  registry: Registry<Code>,
  options: ProblemDocsOptions<NoInfer<Code>> = {},
): ProblemDocsMiddleware {
  const docs = problemDocumentation(registry, options);
  return function problemDocsPage(req, res, next) {
    // Express keeps the whole target in `originalUrl`, wherever the middleware is mounted.
    const target = (req as { originalUrl?: unknown }).originalUrl;
    if (!docs.matches(typeof target === 'string' ? target : (req.url ?? ''))) {
      next();
      return;
    }
    const method = req.method ?? 'GET';
    const answer = docs.respond({ method, headers: req.headers });
    if (answer !== undefined) {
      write(res, answer);
    } else if (method === 'OPTIONS') {
      // What @faultline/express answers for the methods of a route.
      res.statusCode = 204;
      res.setHeader('Allow', docs.allow);
      res.end();
    } else {
      next(methodNotAllowed(method, docs.methods));
    }
  };
}
