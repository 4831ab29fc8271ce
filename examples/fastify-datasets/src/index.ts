export { buildApp, type FastifyDatasetsApp } from './app.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
