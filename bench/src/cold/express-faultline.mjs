// Cold start: the same Express app with faultline: `problemJson()` in place of `express.json()`,
// `problemResponse()`, and `problemHandlers()` last.
import { problemHandlers, problemJson, problemResponse } from '@faultline/express';
import express from 'express';
import { ITEMS, reportReady } from './first-answer.mjs';

const app = express();
app.use(problemJson());
app.use(problemResponse());
app.get('/items', (_req, res) => {
  res.json(ITEMS);
});
app.use(problemHandlers());
const server = app.listen(0, '127.0.0.1', () => reportReady(server));
