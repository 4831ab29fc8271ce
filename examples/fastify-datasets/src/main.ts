import { runUntilSignalled } from '@faultline-examples/datasets-domain';

// OpenTelemetry's SDK only when asked for, and before the server's modules load.
if (process.env.OTEL_TRACES_EXPORTER) {
  const { telemetryFromEnvironment } = await import(
    '@faultline-examples/datasets-domain/telemetry'
  );
  telemetryFromEnvironment(process.env);
}
const { startServer } = await import('./server.js');

await runUntilSignalled('Fastify', 3001, startServer);
