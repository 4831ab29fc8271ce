export { buildApp, type ExpressDatasetsApp } from './app.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
