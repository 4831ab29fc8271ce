// Cold start: Fastify alone, one route.
import Fastify from 'fastify';
import { ITEMS, reportReady } from './first-answer.mjs';

const app = Fastify();
app.get('/items', async () => ITEMS);
await app.listen({ port: 0, host: '127.0.0.1' });
reportReady(app.server);
