// Cold start: Express alone, `express.json()` and one route.
import express from 'express';
import { ITEMS, reportReady } from './first-answer.mjs';

const app = express();
app.use(express.json());
app.get('/items', (_req, res) => {
  res.json(ITEMS);
});
const server = app.listen(0, '127.0.0.1', () => reportReady(server));
