// `pnpm bench [--quick] [options]`: measures every scenario against every contender that supports
// it, in alternation, then prints and writes BENCHMARKS.md. `--help` lists the options.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prepareBaseline } from './baseline.mjs';
import { buildPackages, staleBuild } from './build.mjs';
import { valgrindAvailable } from './callgrind.mjs';
import { measureColdStart } from './cold-start.mjs';
import { contenders as ownContenders, withBaseline } from './contenders.mjs';
import { cpuMillis } from './cpu.mjs';
import { measureInstructions } from './instructions.mjs';
import { startLoad } from './load-process.mjs';
import { describeMachine } from './machine.mjs';
import { runMicro } from './micro.mjs';
import { describeAnswer, probe } from './probe.mjs';
import { profileOne } from './profile-run.mjs';
import { HAND_WRITTEN_MARK, handWrittenPart, renderReport } from './report.mjs';
import { scenarios } from './scenarios.mjs';
import { startServer } from './server-process.mjs';
import { parseSettings, usage } from './settings.mjs';
import { median } from './stats.mjs';
import { straceAvailable } from './strace.mjs';
import { evaluateTargets } from './targets.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Whether a contender's workspace package has been built; the reason it cannot run otherwise. */
function unavailableReason(contender) {
  if (contender.requires === undefined) return undefined;
  try {
    const resolved = fileURLToPath(import.meta.resolve(contender.requires));
    return existsSync(resolved) ? undefined : `${contender.requires} is not built`;
  } catch {
    return `${contender.requires} is not installed`;
  }
}

function jobFor(port, scenario, settings, duration) {
  return {
    url: `http://127.0.0.1:${port}${scenario.path}`,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections: settings.connections,
    duration,
  };
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

async function startServers(selected, settings, skipped) {
  const servers = new Map();
  await Promise.all(
    selected.map(async (contender) => {
      try {
        const options = {
          verbose: settings.verbose,
          logLevel: settings.logLevel,
          env: contender.env,
        };
        servers.set(contender.id, await startServer(contender.id, options));
      } catch (error) {
        skipped.push({
          id: contender.id,
          reason: `did not start: ${error.message.split('\n')[0]}`,
        });
        log(`! ${contender.id} did not start:\n${error.message}`);
      }
    }),
  );
  return servers;
}

async function measureScenario(scenario, ids, servers, load, settings) {
  const measurements = new Map();
  for (const id of ids) {
    const answer = await probe(servers.get(id).port, scenario);
    measurements.set(id, { answer, answerText: describeAnswer(answer), rounds: [] });
  }
  if (settings.warmup > 0) {
    for (const id of ids) {
      const job = jobFor(servers.get(id).port, scenario, settings, 0);
      await load.run({ ...job, warm: true, seconds: settings.warmup });
    }
  }
  for (let round = 0; round < settings.rounds; round++) {
    // A B C … each round, starting one further along, so no contender always follows the same one.
    const order = ids.map((_, index) => ids[(index + round) % ids.length]);
    for (const id of order) {
      const server = servers.get(id);
      const before = cpuMillis(server.pid);
      const result = await load.run(jobFor(server.port, scenario, settings, settings.duration));
      const after = cpuMillis(server.pid);
      // The server's own CPU per response: unlike req/s, it hardly moves when other work competes for the cores.
      result.cpuUs =
        before === undefined || after === undefined || result.requests === 0
          ? undefined
          : ((after - before) * 1000) / result.requests;
      measurements.get(id).rounds.push(result);
      const cpu = result.cpuUs === undefined ? '' : `  ${Math.round(result.cpuUs)} µs CPU/req`;
      log(
        `  ${scenario.id.padEnd(16)} round ${round + 1}/${settings.rounds}  ${id.padEnd(26)} ${Math.round(result.rps).toLocaleString('en-US').padStart(7)} req/s  p99 ${result.p99} ms${cpu}`,
      );
    }
  }
  for (const measurement of measurements.values()) {
    measurement.rps = median(measurement.rounds.map((round) => round.rps));
    measurement.p99 = median(measurement.rounds.map((round) => round.p99));
    const cpu = measurement.rounds
      .map((round) => round.cpuUs)
      .filter((value) => value !== undefined);
    measurement.cpuUs = cpu.length === 0 ? undefined : median(cpu);
  }
  return measurements;
}

/** The autocannon rounds: every scenario, its contenders in alternation; fills `http`. */
async function measureThroughput(used, chosenScenarios, settings, skipped, http) {
  const servers = await startServers(used, settings, skipped);
  const load = startLoad();
  const stopAll = async () => {
    load.stop();
    await Promise.all([...servers.values()].map((server) => server.stop()));
  };
  const onInterrupt = () => {
    stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  try {
    for (const scenario of chosenScenarios) {
      const ids = used
        .filter(
          (contender) => contender.scenarios.includes(scenario.id) && servers.has(contender.id),
        )
        .map((contender) => contender.id);
      if (ids.length === 0) continue;
      log(`${scenario.title}: ${ids.join(', ')}`);
      http.set(scenario.id, await measureScenario(scenario, ids, servers, load, settings));
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    await stopAll();
  }
}

async function main() {
  const settings = parseSettings(process.argv.slice(2), repoRoot);
  if (settings.help) {
    process.stdout.write(usage);
    return;
  }
  const stale = settings.skipBuild
    ? undefined
    : settings.build
      ? 'asked for'
      : staleBuild(repoRoot);
  if (stale !== undefined) {
    log(`Building the workspace packages (${stale})…`);
    buildPackages(repoRoot);
  }
  const baseline =
    settings.baseline === undefined ? undefined : prepareBaseline(repoRoot, settings.baseline, log);
  const contenders = withBaseline(ownContenders, baseline);
  if (settings.profile !== undefined) {
    await profileOne(settings, { contenders, jobFor, log, unavailable: unavailableReason });
    return;
  }
  const started = Date.now();
  const machine = describeMachine();
  const skipped = [];
  const chosenScenarios = scenarios.filter(
    (scenario) => settings.scenarioIds === undefined || settings.scenarioIds.includes(scenario.id),
  );
  const wanted = contenders.filter((contender) =>
    settings.only === undefined
      ? !settings.quick || contender.quick
      : settings.only.includes(contender.id),
  );
  const unknown = (settings.only ?? []).filter((id) => !contenders.some((c) => c.id === id));
  if (unknown.length > 0) {
    log(
      `! --only names no contender ${unknown.join(', ')} (ids in bench/src/contenders.mjs; the -baseline ones need --baseline REV)`,
    );
  }
  const runnable = wanted.filter((contender) => {
    const reason = unavailableReason(contender);
    if (reason !== undefined) skipped.push({ id: contender.id, reason });
    return reason === undefined;
  });
  for (const entry of skipped) log(`! skipping ${entry.id}: ${entry.reason}`);
  log(`Machine: ${machine.cores} × ${machine.model}, Node ${machine.node}`);

  let micro;
  if (settings.micro) {
    log('Core micro-benchmarks…');
    micro = await runMicro(settings.microMs);
  }

  const used = runnable.filter((contender) =>
    chosenScenarios.some((scenario) => contender.scenarios.includes(scenario.id)),
  );
  const http = new Map();
  if (!settings.instructionsOnly)
    await measureThroughput(used, chosenScenarios, settings, skipped, http);

  if (settings.instructions && !valgrindAvailable()) {
    log(
      '! --instructions needs valgrind (Debian: apt-get install valgrind); instructions not counted.',
    );
    settings.instructions = false;
  }
  if (settings.instructions && settings.strace && !straceAvailable()) {
    log('! strace is not installed (Debian: apt-get install strace); system calls not counted.');
    settings.strace = false;
  }
  let coldStart;
  if (settings.coldStart) {
    log(`Cold start, ${settings.coldStartPairs} alternating pairs per framework…`);
    coldStart = await measureColdStart(
      { pairs: settings.coldStartPairs, instructions: settings.instructions },
      log,
    );
  }
  let instructions;
  if (settings.instructions) {
    instructions = await measureInstructions(used, chosenScenarios, settings, log, skipped);
  }

  machine.loadEnd = loadavg()[0].toFixed(2);
  const command = `pnpm bench${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  const report = renderReport({
    command,
    settings,
    machine,
    baseline,
    scenarios: chosenScenarios,
    contenders,
    http,
    instructions,
    coldStart,
    targets: evaluateTargets(http, micro, { instructions, coldStart, baseline }),
    micro,
    skipped,
  });
  log('');
  log(report);
  if (settings.json !== undefined) {
    const plain = (byScenario) =>
      byScenario === undefined
        ? undefined
        : Object.fromEntries(
            [...byScenario].map(([scenario, measurements]) => [
              scenario,
              Object.fromEntries(measurements),
            ]),
          );
    writeFileSync(
      settings.json,
      JSON.stringify(
        {
          command,
          settings,
          machine,
          baseline,
          http: plain(http),
          instructions: plain(instructions),
          coldStart,
          micro,
        },
        null,
        2,
      ),
    );
    log(`Wrote ${settings.json}`);
  }
  if (settings.out !== undefined) {
    const previous = existsSync(settings.out) ? readFileSync(settings.out, 'utf8') : '';
    const kept = handWrittenPart(previous);
    if (previous !== '' && kept === '') {
      log(
        `! ${settings.out} had no hand-written section (no "${HAND_WRITTEN_MARK}" line); none kept.`,
      );
    }
    writeFileSync(settings.out, kept === '' ? report : `${report}\n${kept}`);
    log(`Wrote ${settings.out}`);
  }
  log(`Done in ${Math.round((Date.now() - started) / 1000)} s.`);
}

main().catch((error) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
