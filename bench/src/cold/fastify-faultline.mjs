// Cold start: the same Fastify app with the faultline plugin registered, its defaults.
import { faultline } from '@faultline/fastify';
import Fastify from 'fastify';
import { ITEMS, reportReady } from './first-answer.mjs';

const app = Fastify();
await app.register(faultline);
app.get('/items', async () => ITEMS);
await app.listen({ port: 0, host: '127.0.0.1' });
reportReady(app.server);
