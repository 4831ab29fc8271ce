import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { callgrindWrapper, partInstructions } from './callgrind.mjs';
import { median } from './stats.mjs';

/** The apps compared, each framework alone and with faultline (`src/cold/*.mjs`). */
export const coldStartPairs = [
  {
    label: 'Fastify + faultline plugin vs Fastify alone',
    alone: 'fastify',
    faultline: 'fastify-faultline',
  },
  {
    label: 'Express + faultline middleware vs Express alone',
    alone: 'express',
    faultline: 'express-faultline',
  },
];

const appPath = (name) => fileURLToPath(new URL(`./cold/${name}.mjs`, import.meta.url));

function get(port) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/items', agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      })
      .on('error', reject);
  });
}

/** Peak resident memory of a live process so far, in bytes (`VmHWM`), or undefined. */
function peakRss(pid) {
  try {
    const match = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Spawns an app, waits for the port it prints; resolves with the child and the port. */
async function spawnApp(command, args, env) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line),
    once(child, 'exit').then(([code]) => JSON.stringify({ error: `exited with code ${code}` })),
  ]);
  lines.close();
  child.stdout.resume();
  const message = JSON.parse(first);
  if (typeof message.port !== 'number') {
    child.kill('SIGKILL');
    throw new Error(`cold-start app ${args.at(-1)}: ${message.error}`);
  }
  return { child, port: message.port };
}

/** One cold start: wall time from spawn to the end of the first answer, and peak RSS then. */
async function coldStartOnce(name) {
  const started = performance.now();
  const { child, port } = await spawnApp(process.execPath, [appPath(name)], {});
  const status = await get(port);
  const wallMs = performance.now() - started;
  const rss = peakRss(child.pid);
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
  if (status !== 200) throw new Error(`cold-start app ${name} answered ${status}`);
  return { wallMs, rss };
}

/** Instructions from process start to the first answer sent, under callgrind. */
async function coldStartInstructions(name) {
  const dir = mkdtempSync(join(tmpdir(), `faultline-cold-${name}-`));
  const outFile = join(dir, 'callgrind.out');
  try {
    const [valgrind, ...wrapperArgs] = callgrindWrapper(outFile);
    const { child, port } = await spawnApp(
      valgrind,
      [...wrapperArgs, process.execPath, '--single-threaded', appPath(name)],
      { BENCH_COLD_MARK: '1' },
    );
    const exited = once(child, 'exit');
    await get(port);
    await exited;
    return partInstructions(outFile, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Cold start, paired: `pairs` times each app alone and with faultline, the order alternating
 * pair by pair (alone first, then faultline first), each a fresh process from spawn to the end
 * of its first answer. Reports the medians and the median of the paired differences of wall
 * time and peak RSS; with `instructions`, also the instructions to the first answer under
 * callgrind, which do not depend on the machine's load.
 *
 * @example const rows = await measureColdStart({ pairs: 8, instructions: true }, log);
 */
export async function measureColdStart({ pairs, instructions }, log) {
  const results = [];
  for (const pair of coldStartPairs) {
    const wall = { alone: [], faultline: [], delta: [] };
    const rss = { alone: [], faultline: [], delta: [] };
    for (let index = 0; index < pairs; index++) {
      const order = index % 2 === 0 ? ['alone', 'faultline'] : ['faultline', 'alone'];
      const run = {};
      for (const side of order) run[side] = await coldStartOnce(pair[side]);
      wall.alone.push(run.alone.wallMs);
      wall.faultline.push(run.faultline.wallMs);
      wall.delta.push(run.faultline.wallMs - run.alone.wallMs);
      if (run.alone.rss !== undefined && run.faultline.rss !== undefined) {
        rss.alone.push(run.alone.rss);
        rss.faultline.push(run.faultline.rss);
        rss.delta.push(run.faultline.rss - run.alone.rss);
      }
    }
    const summary = (values) => ({
      alone: median(values.alone),
      faultline: median(values.faultline),
      delta: median(values.delta),
    });
    const entry = { label: pair.label, pairs, wall: summary(wall), rss: summary(rss) };
    log(
      `  ${pair.label}: ${entry.wall.delta >= 0 ? '+' : ''}${entry.wall.delta.toFixed(1)} ms, ${entry.rss.delta >= 0 ? '+' : ''}${(entry.rss.delta / 2 ** 20).toFixed(2)} MiB (medians ${entry.wall.faultline.toFixed(0)} vs ${entry.wall.alone.toFixed(0)} ms)`,
    );
    results.push(entry);
  }
  if (instructions) {
    await Promise.all(
      results.map(async (entry, index) => {
        const pair = coldStartPairs[index];
        const [alone, faultline] = await Promise.all([
          coldStartInstructions(pair.alone),
          coldStartInstructions(pair.faultline),
        ]);
        entry.instructions = { alone, faultline, delta: faultline - alone };
        log(
          `  ${pair.label}: ${(entry.instructions.delta / 1e6).toFixed(1)} M more instructions to the first answer (${(faultline / 1e6).toFixed(0)} M vs ${(alone / 1e6).toFixed(0)} M)`,
        );
      }),
    );
  }
  return results;
}
