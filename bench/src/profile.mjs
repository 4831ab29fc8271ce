import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which package or layer a profile frame belongs to, from its script URL. */
function areaOf(url, functionName) {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const faultline = /\/packages\/(core|express|fastify)\/(?:dist|src)\//.exec(url);
  if (faultline) return `@faultline/${faultline[1]}`;
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pnpm) return pnpm[1];
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (plain) return plain[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/bench/src/')) return 'bench app';
  return url;
}

function shortUrl(url) {
  const index = url.lastIndexOf('node_modules/');
  if (index >= 0)
    return url.slice(index + 'node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '');
  const packages = url.indexOf('/packages/');
  if (packages >= 0) return url.slice(packages + 1);
  return url.replace(/^file:\/\//, '');
}

/**
 * Reads the `.cpuprofile` files in `dir` and ranks where the time went: self time per function,
 * and self and inclusive time per package (inclusive: samples with that package anywhere on the
 * stack). With `window` (`{ start, end }` in µs of `process.hrtime`), only samples taken inside
 * it count, so start-up and shut-down stay out.
 *
 * @example const summary = summariseProfiles('/tmp/profiles'); console.log(formatProfile(summary));
 */
export function summariseProfiles(dir, window) {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  const selfByFunction = new Map();
  const selfByArea = new Map();
  const inclusiveByArea = new Map();
  let total = 0;
  let idle = 0;
  let sampledMicros = 0;
  let sampleCount = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) {
      for (const child of node.children ?? []) parent.set(child, node.id);
    }
    // Sample times share CLOCK_MONOTONIC (µs) with process.hrtime, so the load window can be cut out exactly.
    let at = profile.startTime;
    let previous = at;
    for (const [index, id] of profile.samples.entries()) {
      at += profile.timeDeltas[index];
      const delta = at - previous;
      previous = at;
      if (window !== undefined && (at < window.start || at > window.end)) continue;
      sampledMicros += delta;
      sampleCount++;
      const node = nodes.get(id);
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') {
        idle++;
        continue;
      }
      total++;
      const area = areaOf(url, functionName);
      const key =
        `${functionName || '(anonymous)'} ${url === '' ? '' : `${shortUrl(url)}:${lineNumber + 1}`}`.trim();
      selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + 1);
      selfByArea.set(area, (selfByArea.get(area) ?? 0) + 1);
      const seen = new Set();
      for (let cursor = id; cursor !== undefined; cursor = parent.get(cursor)) {
        const frame = nodes.get(cursor).callFrame;
        seen.add(areaOf(frame.url, frame.functionName));
      }
      for (const name of seen) inclusiveByArea.set(name, (inclusiveByArea.get(name) ?? 0) + 1);
    }
  }
  const microsPerSample = sampleCount === 0 ? 0 : sampledMicros / sampleCount;
  const ranked = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, count]) => ({ name, share: count / total, micros: count * microsPerSample }));
  return {
    files: files.length,
    samples: total,
    busyMicros: total * microsPerSample,
    idleShare: idle / (total + idle),
    functions: ranked(selfByFunction),
    areas: ranked(selfByArea),
    inclusive: ranked(inclusiveByArea),
  };
}

/**
 * A plain-text rendering of `summariseProfiles`, for the terminal. Given the number of responses
 * served while profiling, each line also shows its CPU time per response.
 */
export function formatProfile(summary, { top = 30, requests } = {}) {
  const pct = (share) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const perRequest = (entry) =>
    requests === undefined || requests === 0
      ? ''
      : `${(entry.micros / requests).toFixed(2).padStart(8)} µs/req`;
  const line = (entry) => `  ${pct(entry.share)} ${perRequest(entry)}  ${entry.name}`;
  const busy = requests
    ? `, ${(summary.busyMicros / requests).toFixed(1)} µs of CPU per response`
    : '';
  const lines = [
    `${summary.samples} busy samples in ${summary.files} profile(s)${busy}; idle ${pct(summary.idleShare)} of all samples.`,
    '',
    'Self time by package:',
    ...summary.areas.slice(0, 15).map(line),
    '',
    'Inclusive time by package (on the stack):',
    ...summary.inclusive.slice(0, 15).map(line),
    '',
    `Top ${top} functions by self time:`,
    ...summary.functions.slice(0, top).map(line),
    '',
    'faultline functions by self time:',
    ...summary.functions
      .filter((entry) => entry.name.includes('packages/'))
      .slice(0, 15)
      .map(line),
  ];
  return lines.join('\n');
}
