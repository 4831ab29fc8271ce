import { ITEMS, UNEXPECTED_MESSAGE, validateItem } from './fixtures.mjs';

/**
 * The routes every Express contender serves. `notFound(id)` and `invalid(ajvErrors)` are the
 * errors a contender's users would throw; `lookup(req, res, next)` answers a 404 without throwing
 * (by default the route passes `notFound(id)` to `next`, as a hand-written app would); the rest is
 * the same everywhere.
 *
 * @example expressRoutes(app, { notFound: (id) => createError(404), invalid: () => createError(422) });
 */
export function expressRoutes(
  app,
  { notFound, invalid, lookup = (req, _res, next) => next(notFound(req.params.id)) },
) {
  app.get('/items', (_req, res) => {
    res.json(ITEMS);
  });
  app.post('/items', (req, res) => {
    if (!validateItem(req.body)) throw invalid(validateItem.errors ?? []);
    res.status(201).json({ id: 7, name: req.body.name });
  });
  app.get('/items/:id', (req) => {
    throw notFound(req.params.id);
  });
  app.get('/lookup/:id', lookup);
  app.get('/boom', () => {
    throw new Error(UNEXPECTED_MESSAGE);
  });
}

/** The 422 a plain Express app throws: an `Error` with `status` and the validator's findings. */
export function plainValidationError(ajvErrors) {
  return Object.assign(new Error('The request body is invalid.'), {
    status: 422,
    expose: true,
    errors: ajvErrors.map((entry) => ({
      detail: entry.message,
      pointer: `#${entry.instancePath}`,
    })),
  });
}
