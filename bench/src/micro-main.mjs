// Micro-benchmarks of the core, in their own process: `node micro-main.mjs <ms per task>`.
// Prints one JSON line: [{ id, name, nsPerOp, opsPerSecond, samples }].

import { createNormaliser, ProblemError } from '@faultline/core';
import Boom from '@hapi/boom';
import createError from 'http-errors';
import { Bench } from 'tinybench';

// Each timed call runs the operation this many times, so timer overhead (tens of ns) is spread thin.
const BATCH = 200;
const time = Number(process.argv[2] ?? 1000);
const normalise = createNormaliser();
const detail = "Item '42' was not found.";

const inputs = {
  problemError: new ProblemError('RESOURCE_NOT_FOUND', { detail }),
  httpErrors: createError(404, detail),
  boom: Boom.notFound(detail),
  error: new Error('database connection lost'),
  string: 'something broke',
};
const body = normalise(inputs.problemError).body;

let sink;
const tasks = [
  ['error', 'new Error(message) (baseline)', () => new Error(detail)],
  [
    'construct-stack',
    'new ProblemError(code, { detail, captureStack: true })',
    () => new ProblemError('RESOURCE_NOT_FOUND', { detail, captureStack: true }),
  ],
  [
    'construct-nostack',
    'new ProblemError(code, { detail }) (a 4xx: no stack by default)',
    () => new ProblemError('RESOURCE_NOT_FOUND', { detail }),
  ],
  ['normalise-problem', 'normalise(ProblemError)', () => normalise(inputs.problemError)],
  ['normalise-http-errors', 'normalise(http-errors 404)', () => normalise(inputs.httpErrors)],
  ['normalise-boom', 'normalise(Boom.notFound)', () => normalise(inputs.boom)],
  ['normalise-error', 'normalise(plain Error) → 500', () => normalise(inputs.error)],
  ['normalise-string', "normalise('a string') → 500", () => normalise(inputs.string)],
  ['serialise', 'JSON.stringify(problem body)', () => JSON.stringify(body)],
  [
    'normalise-serialise',
    'normalise(ProblemError) + JSON.stringify',
    () => JSON.stringify(normalise(inputs.problemError).body),
  ],
];

const bench = new Bench({ time, warmupTime: Math.min(200, time) });
for (const [id, , operation] of tasks) {
  bench.add(id, () => {
    for (let i = 0; i < BATCH; i++) sink = operation();
  });
}
await bench.run();

const results = tasks.map(([id, name]) => {
  const task = bench.getTask(id);
  const latency = task?.result?.latency;
  const nsPerOp = latency === undefined ? Number.NaN : (latency.p50 * 1e6) / BATCH;
  return {
    id,
    name,
    nsPerOp,
    opsPerSecond: 1e9 / nsPerOp,
    samples: latency?.samplesCount ?? 0,
  };
});
if (sink === Symbol.for('never')) console.error('unreachable');
process.stdout.write(`${JSON.stringify(results)}\n`);
