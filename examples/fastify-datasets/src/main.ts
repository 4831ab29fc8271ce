import { runUntilSignalled } from '@faultline-examples/datasets-domain';
import { startServer } from './server.js';

await runUntilSignalled('Fastify', 3001, startServer);
