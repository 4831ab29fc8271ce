// `pnpm soak [--duration 30] [--connections 50] [--memory-requests 100000]`: drives each example
// API with a mix of every contract error and successes, then reports responses by status,
// responses that are not valid problem+json, crashes, event-loop delay p99, and memory growth per
// 100k requests; then the memory of each framework's bench app with faultline against the same
// app without it after the same mixed requests (target: at most 5 MiB more; 0 skips it).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import autocannon from 'autocannon';
import { problemDocumentSchema } from '../../packages/core/dist/index.js';
import { compareMemory } from './memory-baseline.mjs';
import { soakRequests } from './requests.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    'memory-requests': { type: 'string', default: '100000' },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const memoryRequests = Number(args['memory-requests']);

const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
const isValidProblem = ajv.compile(problemDocumentSchema);

const examples = [
  { framework: 'Express', dir: 'examples/express-datasets' },
  { framework: 'Fastify', dir: 'examples/fastify-datasets' },
];

function startServer(example, statsFile) {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      '--require',
      join(root, 'scripts/soak/probe.cjs'),
      'src/main.ts',
    ],
    {
      cwd: join(root, example.dir),
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        // A small window so the limiter rejects part of the load: 429 is in the mix.
        RATE_LIMIT_MAX: '300',
        RATE_LIMIT_WINDOW_S: '1',
        SOAK_STATS_FILE: statsFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const url = new Promise((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolveUrl(match[1]);
      if (out.length > 100_000) out = out.slice(-1000);
    });
    child.once('exit', (code) =>
      reject(new Error(`${example.framework} exited (${code}) before listening:\n${stderr}`)),
    );
  });
  return { child, url, stderr: () => stderr };
}

/** A sample taken after a full collection. */
async function sampleAfterGc(child, file) {
  child.kill('SIGUSR2');
  await sleep(400);
  return readStats(file);
}

function readStats(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function soak(example) {
  const statsFile = join(mkdtempSync(join(tmpdir(), 'faultline-soak-')), 'stats.json');
  const server = startServer(example, statsFile);
  let crashes = 0;
  let stopping = false;
  server.child.on('exit', () => {
    if (!stopping) crashes++;
  });
  const url = await server.url;
  const created = await fetch(`${url}/v2/datasets`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-admin-key', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'soak' }),
  }).then((response) => response.json());
  const warmUp = Math.max(2, Math.round(duration / 5));

  const byStatus = new Map();
  const invalid = new Map();
  const unexpected = new Map();
  const note = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  // autocannon may call a neighbour's onResponse, so each connection remembers what it sent last
  // (one request in flight per connection; a reconnect may set the same request up twice).
  function onResponse(status, body, context, headers) {
    const request = context.inFlight;
    note(byStatus, status);
    if (!request.expect.includes(status)) note(unexpected, `${request.name} → ${status}`);
    if (status < 400) return;
    const contentType = headerOf(headers, 'content-type');
    let document;
    try {
      document = JSON.parse(body);
    } catch {
      document = undefined;
    }
    if (
      !contentType?.startsWith('application/problem+json') ||
      !isValidProblem(document) ||
      document.status !== status
    ) {
      note(invalid, `${request.name} → ${status}`);
    }
  }
  const requests = soakRequests(created.id).map((request) => ({
    method: request.method,
    path: request.path,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
    setupRequest(req, context) {
      context.inFlight = request;
      return req;
    },
    onResponse,
  }));

  // Warm up first (JIT, caches, pools), so the memory figures show growth, not start-up.
  await autocannon({
    url,
    connections,
    duration: warmUp,
    requests: requests.map(({ onResponse: _, ...rest }) => rest),
  });
  await sleep(600);
  const before = await sampleAfterGc(server.child, statsFile);
  byStatus.clear();
  const result = await autocannon({ url, connections, duration, requests });
  await sleep(600);
  const delayP99Ms = readStats(statsFile)?.delayP99Ms;
  const after = await sampleAfterGc(server.child, statsFile);
  const alive = await fetch(`${url}/v2/datasets`, {
    headers: { authorization: 'Bearer demo-admin-key' },
  }).then(
    (response) => response.status < 500,
    () => false,
  );
  stopping = true;
  server.child.kill('SIGTERM');
  await new Promise((done) => server.child.once('exit', done));
  const total = result.requests.total;
  return {
    framework: example.framework,
    requests: total,
    errors: result.errors + result.timeouts,
    byStatus: [...byStatus].sort(([a], [b]) => a - b),
    invalid: [...invalid],
    unexpected: [...unexpected],
    crashes,
    alive,
    delayP99Ms,
    rssBefore: before?.rss,
    rssAfter: after?.rss,
    rssGrowthPer100k: before && after ? ((after.rss - before.rss) / total) * 100_000 : undefined,
    heapBefore: before?.heapUsed,
    heapAfter: after?.heapUsed,
    heapGrowthPer100k:
      before && after ? ((after.heapUsed - before.heapUsed) / total) * 100_000 : undefined,
  };
}

function headerOf(headers, name) {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return String(value);
  }
  return undefined;
}

const mb = (bytes) => (bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MB`);

const results = [];
for (const example of examples) {
  console.error(`soaking ${example.framework} for ${duration}s with ${connections} connections...`);
  results.push(await soak(example));
}

console.log(`\n| | ${results.map((r) => r.framework).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|`);
const row = (label, pick) => console.log(`| ${label} | ${results.map(pick).join(' | ')} |`);
row('requests', (r) => r.requests);
row('responses by status', (r) =>
  r.byStatus.map(([status, count]) => `${status}: ${count}`).join(', '),
);
row('not valid problem+json (must be 0)', (r) => r.invalid.reduce((sum, [, n]) => sum + n, 0));
row('unexpected status (must be 0)', (r) => r.unexpected.reduce((sum, [, n]) => sum + n, 0));
row('crashes (must be 0)', (r) => r.crashes);
row('socket errors / timeouts', (r) => r.errors);
row('still serving afterwards', (r) => (r.alive ? 'yes' : 'NO'));
row('event-loop delay p99', (r) =>
  r.delayP99Ms === undefined ? 'n/a' : `${r.delayP99Ms.toFixed(1)} ms`,
);
row('RSS before → after', (r) => `${mb(r.rssBefore)} → ${mb(r.rssAfter)}`);
row('RSS growth per 100k requests', (r) => mb(r.rssGrowthPer100k));
row('heap after GC, before → after', (r) => `${mb(r.heapBefore)} → ${mb(r.heapAfter)}`);
row('heap growth per 100k requests', (r) => mb(r.heapGrowthPer100k));
console.log(`\n${duration} s per framework, ${connections} connections, Node ${process.version}.`);

/** At most this much more memory with faultline than without, after the same requests. */
const MEMORY_LIMIT = 5 * 2 ** 20;

if (memoryRequests > 0) {
  const memory = await compareMemory({ requests: memoryRequests, connections });
  const signedMb = (bytes) =>
    bytes === undefined ? 'n/a' : `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
  const difference = (r, key) =>
    r.faultline[key] === undefined || r.without[key] === undefined
      ? undefined
      : r.faultline[key] - r.without[key];
  console.log(
    `\n| after ${memoryRequests} mixed requests | ${memory.map((r) => r.framework).join(' | ')} |`,
  );
  console.log(`|---|${memory.map(() => '---').join('|')}|`);
  const line = (label, pick) => console.log(`| ${label} | ${memory.map(pick).join(' | ')} |`);
  line(
    'RSS after GC, with faultline / without',
    (r) => `${mb(r.faultline.rss)} / ${mb(r.without.rss)}`,
  );
  line('RSS difference (target ≤ +5 MiB)', (r) => {
    const delta = difference(r, 'rss');
    return `${signedMb(delta)} (${delta !== undefined && delta <= MEMORY_LIMIT ? 'met' : 'missed'})`;
  });
  line(
    'heap after GC, with faultline / without',
    (r) => `${mb(r.faultline.heap)} / ${mb(r.without.heap)}`,
  );
  line('heap difference', (r) => signedMb(difference(r, 'heap')));
  console.log(
    `\nThe bench apps (bench/src/apps), with faultline and as the framework comes, each in its own process; the same mix of successes and failures; MB = MiB.`,
  );
}

let failed = false;
for (const r of results) {
  for (const [what, n] of r.invalid) {
    console.error(`${r.framework}: ${n} responses not valid problem+json: ${what}`);
    failed = true;
  }
  for (const [what, n] of r.unexpected) {
    console.error(`${r.framework}: ${n} unexpected: ${what}`);
    failed = true;
  }
  if (r.crashes > 0 || !r.alive) failed = true;
}
process.exit(failed ? 1 : 0);
