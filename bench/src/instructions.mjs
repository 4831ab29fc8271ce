import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callgrindWrapper, partInstructions } from './callgrind.mjs';
import { sendSequentially } from './sequential-client.mjs';
import { startServer } from './server-process.mjs';
import { median } from './stats.mjs';
import { bytesWritten, traceSyscalls } from './strace.mjs';

/** A server under callgrind starts a hundred times slower than without. */
const CALLGRIND_START_MS = 15 * 60_000;

function statusText(statuses) {
  return Object.entries(statuses)
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ');
}

/**
 * Whether the last `steady` windows agree: the largest within `tolerance` of the smallest.
 * Resolves with their spread (largest over smallest), or undefined while they do not agree yet.
 */
function steadySpread(windows, { instrSteady: steady, instrTolerance: tolerance }) {
  if (windows.length < steady) return undefined;
  const last = windows.slice(-steady);
  const spread = Math.max(...last) / Math.min(...last);
  return spread <= 1 + tolerance ? spread : undefined;
}

/**
 * One contender under callgrind: for each scenario, `warmup` requests, then two marks in a row
 * (an empty window: what marking itself costs), then windows of `requests` requests, each closed
 * by a mark, until the last `steady` windows agree within `tolerance` (or `maxWindows` ran).
 *
 * A V8 server under callgrind is far from its steady state after a thousand requests: its
 * windows fall for several thousand more (tier-up, heap growth), and two identical servers with
 * different histories then count 2× apart. Waiting for agreeing windows makes the count a
 * property of the code, not of what ran before; the median of the agreeing windows keeps an
 * occasional collection from deciding it. The instructions per response are (that median − the
 * empty window) / requests. A scenario that never settles is reported as not steady.
 */
async function countInstructions({ id, env }, scenarios, settings, log) {
  const dir = mkdtempSync(join(tmpdir(), `faultline-callgrind-${id}-`));
  const outFile = join(dir, 'callgrind.out');
  const server = await startServer(id, {
    verbose: settings.verbose,
    logLevel: settings.logLevel,
    env,
    wrapper: callgrindWrapper(outFile),
    nodeArgs: ['--single-threaded'],
    startTimeoutMs: CALLGRIND_START_MS,
  });
  const counts = new Map();
  try {
    for (const scenario of scenarios) {
      await sendSequentially(server.port, scenario, settings.instrWarmup);
      await server.mark();
      const empty = partInstructions(outFile, await server.mark());
      const windows = [];
      let statuses;
      let spread;
      while (spread === undefined && windows.length < settings.instrMaxWindows) {
        statuses = await sendSequentially(server.port, scenario, settings.instrRequests);
        windows.push(partInstructions(outFile, await server.mark()) - empty);
        spread = steadySpread(windows, settings);
      }
      const steady = spread !== undefined;
      const agreeing = windows.slice(-Math.min(settings.instrSteady, windows.length));
      const perResponse = median(agreeing) / settings.instrRequests;
      spread ??= Math.max(...agreeing) / Math.min(...agreeing);
      counts.set(scenario.id, {
        perResponse,
        spread,
        steady,
        windowsRun: windows.length,
        statuses: statusText(statuses),
      });
      const state = steady
        ? `steady after ${windows.length} windows, last ${agreeing.length} ${spread.toFixed(3)}× apart`
        : `NOT steady after ${windows.length} windows, last ${agreeing.length} ${spread.toFixed(3)}× apart`;
      log(
        `  ${scenario.id.padEnd(16)} ${id.padEnd(26)} ${Math.round(perResponse).toLocaleString('en-US').padStart(11)} instructions/response (${state}; last: ${statusText(statuses)})`,
      );
    }
  } finally {
    await server.stop();
    if (settings.keepCallgrind) log(`  callgrind files of ${id}: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

/**
 * One contender without callgrind, for each scenario: `warmup` requests, then `strace -c -f`
 * attached over `requests` requests, and the bytes written from `/proc/<pid>/io`.
 */
async function countSyscalls({ id, env }, scenarios, settings, log) {
  const dir = mkdtempSync(join(tmpdir(), `faultline-strace-${id}-`));
  const server = await startServer(id, {
    verbose: settings.verbose,
    logLevel: settings.logLevel,
    env,
  });
  const counts = new Map();
  try {
    for (const scenario of scenarios) {
      await sendSequentially(server.port, scenario, settings.instrWarmup);
      const tracing = await traceSyscalls(server.pid, join(dir, `${scenario.id}.txt`));
      const before = bytesWritten(server.pid);
      await sendSequentially(server.port, scenario, settings.instrRequests);
      const after = bytesWritten(server.pid);
      const summary = await tracing.stop();
      const n = settings.instrRequests;
      const entry = {
        syscalls: summary.total / n,
        bytesWritten:
          before === undefined || after === undefined ? undefined : (after - before) / n,
        bySyscall: Object.fromEntries(
          Object.entries(summary.bySyscall).map(([name, calls]) => [name, calls / n]),
        ),
      };
      counts.set(scenario.id, entry);
      log(
        `  ${scenario.id.padEnd(16)} ${id.padEnd(26)} ${entry.syscalls.toFixed(2).padStart(7)} syscalls/response, ${entry.bytesWritten === undefined ? '—' : Math.round(entry.bytesWritten)} bytes written/response`,
      );
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

/** Runs `task` over `items`, at most `jobs` at a time, keeping the items' order in the results. */
async function inParallel(items, jobs, task) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]);
      }
    }),
  );
  return results;
}

/**
 * `--instructions`: for every contender and every scenario it takes part in, the user-space
 * instructions per response under callgrind and the system calls and bytes written per response
 * under strace, the same request counts on every side. Resolves with scenario → contender →
 * `{ perResponse, statuses, syscalls, bytesWritten, bySyscall }`; a contender that fails is
 * left out and named in `skipped`.
 *
 * @example const instructions = await measureInstructions(contenders, scenarios, settings, log, skipped);
 */
export async function measureInstructions(contenders, scenarios, settings, log, skipped) {
  // A count depends on what the server ran before it (see countInstructions), so an A/A twin
  // runs every scenario its original runs, in the same order: the same history on both sides.
  const scenariosOf = (contender) =>
    contender.role === 'control'
      ? (contenders.find((other) => other.id === `${contender.framework}-default`)?.scenarios ??
        contender.scenarios)
      : contender.scenarios;
  const plan = contenders
    .map((contender) => ({
      id: contender.id,
      env: contender.env,
      scenarios: scenarios.filter((scenario) => scenariosOf(contender).includes(scenario.id)),
    }))
    .filter((entry) => entry.scenarios.length > 0);
  const results = new Map(scenarios.map((scenario) => [scenario.id, new Map()]));
  const record = (id, counts, extra) => {
    for (const [scenarioId, values] of counts) {
      const byContender = results.get(scenarioId);
      byContender.set(id, { ...byContender.get(id), ...values, ...extra });
    }
  };
  log(
    `Instructions under callgrind (${settings.instrWarmup} warm-up, then windows of ${settings.instrRequests} sequential requests until ${settings.instrSteady} agree within ${(settings.instrTolerance * 100).toFixed(1)}% (at most ${settings.instrMaxWindows}) per scenario, ${settings.instrJobs} servers at a time)…`,
  );
  await inParallel(plan, settings.instrJobs, async ({ id, env, scenarios: own }) => {
    try {
      record(id, await countInstructions({ id, env }, own, settings, log));
    } catch (error) {
      skipped.push({ id, reason: `callgrind run failed: ${error.message.split('\n')[0]}` });
      log(`! ${id} under callgrind: ${error.message}`);
    }
  });
  if (settings.strace) {
    log('System calls and bytes written under strace…');
    for (const { id, env, scenarios: own } of plan) {
      try {
        record(id, await countSyscalls({ id, env }, own, settings, log));
      } catch (error) {
        skipped.push({ id, reason: `strace run failed: ${error.message.split('\n')[0]}` });
        log(`! ${id} under strace: ${error.message}`);
      }
    }
  }
  return results;
}
