// Memory of each framework's bench app with faultline against the same app without it, after the
// same 100k mixed requests: RSS and heap after a full collection (the process's `--expose-gc`),
// each server in its own process. The apps are the benchmark's (`bench/src/apps/`).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverMain = join(root, 'bench/src/server-main.mjs');

/** The pairs compared: the app with faultline, and the same app as the framework comes. */
export const memoryPairs = [
  { framework: 'Express', faultline: 'express-faultline', without: 'express-default' },
  { framework: 'Fastify', faultline: 'fastify-faultline', without: 'fastify-default' },
];

const json = { 'content-type': 'application/json' };

/** Every situation the bench apps serve, success and failure, sent in turn. */
const mix = [
  { method: 'GET', path: '/items' },
  { method: 'POST', path: '/items', headers: json, body: '{"name":"widget"}' },
  { method: 'GET', path: '/items/42' },
  { method: 'GET', path: '/lookup/42' },
  { method: 'GET', path: '/nothing/here' },
  { method: 'DELETE', path: '/items' },
  { method: 'POST', path: '/items', headers: json, body: '{"name": }' },
  { method: 'POST', path: '/items', headers: json, body: '{}' },
  { method: 'GET', path: '/boom' },
];

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function readStats(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Starts a bench app with the soak's probe preloaded; resolves with the child and its port. */
async function startApp(id, statsFile) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--require', join(root, 'scripts/soak/probe.cjs'), serverMain, id],
    {
      env: { ...process.env, NODE_ENV: 'production', SOAK_STATS_FILE: statsFile },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const [line] = await once(lines, 'line');
  lines.close();
  child.stdout.resume();
  const { port, error } = JSON.parse(line);
  if (typeof port !== 'number') throw new Error(`${id} did not start: ${error}`);
  return { child, port };
}

/** A sample taken after a full collection; read again if caught half-written by the probe. */
async function sampleAfterGc(child, file) {
  child.kill('SIGUSR2');
  await sleep(400);
  for (let attempt = 0; attempt < 20; attempt++) {
    const stats = readStats(file);
    if (stats !== undefined) return stats;
    await sleep(50);
  }
  return undefined;
}

/** One app: warm-up, then `requests` requests of the mix; memory after a full collection. */
async function measure(id, { requests, connections }) {
  const statsFile = join(mkdtempSync(join(tmpdir(), 'faultline-memory-')), 'stats.json');
  const { child, port } = await startApp(id, statsFile);
  try {
    const url = `http://127.0.0.1:${port}`;
    await autocannon({ url, connections, amount: Math.ceil(requests / 10), requests: mix });
    const result = await autocannon({ url, connections, amount: requests, requests: mix });
    await sleep(300);
    const after = await sampleAfterGc(child, statsFile);
    return { requests: result.requests.total, rss: after?.rss, heap: after?.heapUsed };
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * For each framework, the memory after `requests` mixed requests with faultline and without,
 * measured one after the other: `{ framework, faultline, without }`, each `{ requests, rss, heap }`.
 *
 * @example const rows = await compareMemory({ requests: 100_000, connections: 50 });
 */
export async function compareMemory(options) {
  const rows = [];
  for (const pair of memoryPairs) {
    console.error(
      `memory: ${pair.framework} with and without faultline, ${options.requests} requests each...`,
    );
    const faultline = await measure(pair.faultline, options);
    const without = await measure(pair.without, options);
    rows.push({ framework: pair.framework, faultline, without });
  }
  return rows;
}
