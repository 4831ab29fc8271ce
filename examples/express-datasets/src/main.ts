import { runUntilSignalled } from '@faultline-examples/datasets-domain';
import { startServer } from './server.js';

await runUntilSignalled('Express', 3000, startServer);
