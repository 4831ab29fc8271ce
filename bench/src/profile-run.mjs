import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoad } from './load-process.mjs';
import { describeAnswer, probe } from './probe.mjs';
import { formatProfile, summariseProfiles } from './profile.mjs';
import { scenarios } from './scenarios.mjs';
import { startServer } from './server-process.mjs';

/**
 * `--profile ID:SCENARIO`: runs one contender under `node --cpu-prof`, loads it with one
 * scenario, and prints where its CPU time went during the load (per package and per function,
 * per response). `contenders` are those the run knows (the baseline's with `--baseline`);
 * `unavailable(contender)` says why a contender cannot run, if it cannot.
 *
 * @example await profileOne(settings, { contenders, jobFor, log, unavailable });
 */
export async function profileOne(settings, { contenders, jobFor, log, unavailable }) {
  const [id, scenarioId] = settings.profile.split(':');
  const contender = contenders.find((entry) => entry.id === id);
  const scenario = scenarios.find((entry) => entry.id === scenarioId);
  if (contender === undefined || scenario === undefined) {
    throw new TypeError(`bench: --profile needs CONTENDER:SCENARIO, got ${settings.profile}`);
  }
  const reason = unavailable(contender);
  if (reason !== undefined) throw new Error(`bench: cannot profile ${id}: ${reason}`);
  const dir = mkdtempSync(join(tmpdir(), `faultline-profile-${id}-`));
  const server = await startServer(id, {
    verbose: settings.verbose,
    logLevel: settings.logLevel,
    env: contender.env,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  const load = startLoad();
  let requests;
  let window;
  try {
    log(`Profiling ${id} on ${scenario.id}: ${describeAnswer(await probe(server.port, scenario))}`);
    const micros = () => Number(process.hrtime.bigint() / 1000n);
    const start = micros();
    const result = await load.run(jobFor(server.port, scenario, settings, settings.profileSeconds));
    window = { start, end: micros() };
    requests = result.requests;
    log(`${Math.round(result.rps).toLocaleString('en-US')} req/s under the profiler`);
  } finally {
    load.stop();
    await server.stop();
  }
  log(`Profile written to ${dir}\n`);
  log(formatProfile(summariseProfiles(dir, window), { requests }));
}
