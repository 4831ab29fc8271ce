import { readFileSync } from 'node:fs';
import os from 'node:os';

function versionOf(name) {
  try {
    const path = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return JSON.parse(readFileSync(path, 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/**
 * The machine and the software measured, for the report's header.
 *
 * @example describeMachine().cores; // 2
 */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadStart: os.loadavg()[0].toFixed(2),
    versions: Object.fromEntries(
      [
        'fastify',
        'express',
        '@fastify/sensible',
        'http-errors',
        'express-http-problem-details',
        'pino',
        'autocannon',
        'tinybench',
      ].map((name) => [name, versionOf(name)]),
    ),
  };
}
