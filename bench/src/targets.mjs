import { pairedRatio } from './stats.mjs';

/** Nanoseconds as `850 ns` or `1.42 µs`. */
export function fmtNs(ns) {
  return ns < 1000 ? `${Math.round(ns)} ns` : `${(ns / 1000).toFixed(2)} µs`;
}

function fmtRps(value) {
  return Math.round(value).toLocaleString('en-US');
}

const expressErrorPaths = [
  'thrown-404',
  'unmatched-path',
  'malformed-json',
  'validation',
  'unexpected-500',
];
const expressRivals = ['express-default', 'express-http-errors', 'express-problem-details'];

/**
 * What the adapters are held to. A ratio target: the contender's req/s over the reference's,
 * paired by round, at least `min` (or above it, when `strict`). `rivals`: above every rival that
 * was measured. `control`: an A/A pair, whose distance from 1.00x is the run's noise.
 */
const httpTargets = [
  {
    target: 'Fastify thrown 404 ProblemError vs Fastify default error handler',
    scenario: 'thrown-404',
    contender: 'fastify-faultline',
    reference: 'fastify-default',
    min: 1.15,
  },
  {
    target: 'Fastify thrown 404 ProblemError vs hand-written setErrorHandler',
    scenario: 'thrown-404',
    contender: 'fastify-faultline',
    reference: 'fastify-hand',
    min: 1.4,
  },
  {
    target: 'Fastify thrown 404 ProblemError ahead of @fastify/sensible notFound()',
    scenario: 'thrown-404',
    contender: 'fastify-faultline',
    reference: 'fastify-sensible',
    min: 1,
    strict: true,
  },
  {
    target: 'Fastify thrown 404 ProblemError vs the ceiling (stretch)',
    scenario: 'thrown-404',
    contender: 'fastify-faultline',
    reference: 'ceiling',
    min: 0.6,
  },
  {
    target:
      "Fastify thrown 404 with stackPolicy 'server-errors' (no stack for 4xx) vs Fastify default error handler",
    scenario: 'thrown-404',
    contender: 'fastify-faultline-nostack',
    reference: 'fastify-default',
    min: 1.15,
  },
  {
    target: 'Fastify unmatched path (404) vs Fastify default 404',
    scenario: 'unmatched-path',
    contender: 'fastify-faultline',
    reference: 'fastify-default',
    min: 0.9,
  },
  {
    target: 'Fastify unmatched method (405 + Allow) vs Fastify default (404) on the same request',
    scenario: 'unmatched-method',
    contender: 'fastify-faultline',
    reference: 'fastify-default',
    min: 0.9,
  },
  ...expressErrorPaths.flatMap((scenario) => [
    {
      target: `Express ${scenario} vs hand-written error middleware`,
      scenario,
      contender: 'express-faultline',
      reference: 'express-hand',
      min: 1,
    },
    {
      target: `Express ${scenario} ahead of finalhandler and every peer`,
      scenario,
      contender: 'express-faultline',
      rivals: expressRivals,
    },
  ]),
  {
    target: 'Control (A/A): Fastify default vs an identical second server',
    scenario: 'success-get',
    contender: 'fastify-default-twin',
    reference: 'fastify-default',
    control: true,
  },
  {
    target: 'Control (A/A): Express default vs an identical second server',
    scenario: 'success-get',
    contender: 'express-default-twin',
    reference: 'express-default',
    control: true,
  },
  ...['success-get', 'success-post'].flatMap((scenario) => [
    {
      target: `Fastify ${scenario}: with the plugin vs without`,
      scenario,
      contender: 'fastify-faultline',
      reference: 'fastify-default',
      min: 0.98,
    },
    {
      target: `Express ${scenario}: problemJson() + problemHandlers() vs express.json() alone`,
      scenario,
      contender: 'express-faultline',
      reference: 'express-default',
      min: 0.98,
    },
  ]),
];

const byCpu = (round) => round.cpuUs;

/** The contender's req/s over the reference's, round by round (median of the paired rounds). */
function rpsRatio(a, b) {
  return pairedRatio(a, b);
}

/** The reference's CPU per response over the contender's, round by round: above 1 when the contender is cheaper. */
function cpuRatio(a, b) {
  return pairedRatio(b, a, byCpu);
}

/** The CPU-cost ratio's text, and its own verdict against the same threshold. */
function cpuCells(ratio, min, strict) {
  if (ratio === undefined) return { cpu: '—', cpuStatus: undefined };
  const met = strict ? ratio > min : ratio >= min;
  return { cpu: `${ratio.toFixed(2)}×`, cpuStatus: met ? 'met' : 'missed' };
}

/** `1.08× (9,870 vs 9,120 req/s)`: the paired ratio, then the two medians for context. */
function describeRatio(ratio, a, b) {
  return `${ratio.toFixed(2)}× (${fmtRps(a.rps)} vs ${fmtRps(b.rps)} req/s)`;
}

const notMeasured = (target, threshold) => ({
  target,
  measured: '—',
  cpu: '—',
  threshold,
  status: 'not measured',
});

/** An A/A pair: no threshold; how far from 1.00× it lands is the run's noise. */
function evaluateControl(spec, get) {
  const a = get(spec.scenario, spec.contender);
  const b = get(spec.scenario, spec.reference);
  const threshold = '≈ 1.00× (noise)';
  const ratio = a === undefined || b === undefined ? undefined : rpsRatio(a, b);
  if (ratio === undefined) return notMeasured(spec.target, threshold);
  const cpu = cpuRatio(a, b);
  return {
    target: spec.target,
    measured: describeRatio(ratio, a, b),
    cpu: cpu === undefined ? '—' : `${cpu.toFixed(2)}×`,
    threshold,
    status: 'control',
  };
}

function evaluateRatio(spec, get) {
  const threshold = `${spec.strict ? '>' : '≥'} ${spec.min.toFixed(2)}×`;
  const a = get(spec.scenario, spec.contender);
  const b = get(spec.scenario, spec.reference);
  const ratio = a === undefined || b === undefined ? undefined : rpsRatio(a, b);
  if (ratio === undefined) return notMeasured(spec.target, threshold);
  const met = spec.strict ? ratio > spec.min : ratio >= spec.min;
  return {
    target: spec.target,
    ratio,
    min: spec.min,
    measured: describeRatio(ratio, a, b),
    ...cpuCells(cpuRatio(a, b), spec.min, spec.strict),
    threshold,
    status: met ? 'met' : 'missed',
  };
}

/** Ahead of every rival: judged against the rival the contender leads by least. */
function evaluateAhead(spec, get) {
  const threshold = '> 1.00× each';
  const a = get(spec.scenario, spec.contender);
  const rivals = spec.rivals.filter((rival) => get(spec.scenario, rival) !== undefined);
  if (a === undefined || rivals.length === 0) return notMeasured(spec.target, threshold);
  let nearest;
  let lead = Number.POSITIVE_INFINITY;
  for (const rival of rivals) {
    const ratio = rpsRatio(a, get(spec.scenario, rival));
    if (ratio !== undefined && ratio < lead) {
      lead = ratio;
      nearest = rival;
    }
  }
  if (nearest === undefined) return notMeasured(spec.target, threshold);
  return {
    target: spec.target,
    ratio: lead,
    min: 1,
    measured: `${lead.toFixed(2)}× the closest of ${rivals.length}, \`${nearest}\``,
    ...cpuCells(cpuRatio(a, get(spec.scenario, nearest)), 1, true),
    threshold,
    status: lead > 1 ? 'met' : 'missed',
  };
}

/**
 * How far the A/A controls landed from 1.00×, as a factor (1.14 for 0.88× or 1.14×): what noise
 * alone did to a paired ratio in this run. `undefined` when no control ran.
 */
function controlNoise(get) {
  let noise;
  for (const spec of httpTargets) {
    if (!spec.control) continue;
    const a = get(spec.scenario, spec.contender);
    const b = get(spec.scenario, spec.reference);
    const ratio = a === undefined || b === undefined ? undefined : rpsRatio(a, b);
    if (ratio === undefined || !(ratio > 0) || !Number.isFinite(ratio)) continue;
    const factor = Math.max(ratio, 1 / ratio);
    noise = noise === undefined ? factor : Math.max(noise, factor);
  }
  return noise;
}

/**
 * A verdict nearer its threshold than the run's noise is not settled by the run: the row keeps
 * its status and is marked `noisy`.
 */
function withinNoise(row, noise) {
  if (noise === undefined || row.ratio === undefined || row.min === undefined) return row;
  const distance = Math.max(row.ratio / row.min, row.min / row.ratio);
  return distance < noise ? { ...row, noisy: true } : row;
}

/**
 * Checks the targets against one run's paired ratios. Each row is `{ target, measured, cpu,
 * threshold, status }`, status being `met`, `missed`, `control`, `reported` or `not measured`;
 * a verdict nearer its threshold than the run's noise also has `noisy: true`.
 *
 * @example const rows = evaluateTargets(http, micro);
 */
export function evaluateTargets(http, micro) {
  const get = (scenario, contender) => http.get(scenario)?.get(contender);
  const noise = controlNoise(get);
  const rows = httpTargets.map((spec) => {
    if (spec.control) return evaluateControl(spec, get);
    const row = spec.rivals === undefined ? evaluateRatio(spec, get) : evaluateAhead(spec, get);
    return withinNoise(row, noise);
  });

  const ns = (id) => micro?.find((entry) => entry.id === id)?.nsPerOp;
  const both = ns('normalise-serialise');
  const stringify = ns('serialise');
  rows.push({
    target: 'Core: normalise(ProblemError) + JSON.stringify',
    measured:
      both === undefined
        ? '—'
        : `${fmtNs(both)} per error (JSON.stringify alone: ${stringify === undefined ? '—' : fmtNs(stringify)})`,
    cpu: '',
    threshold: '< 1 µs',
    status: both === undefined ? 'not measured' : both < 1000 ? 'met' : 'missed',
  });
  for (const [id, label] of [
    ['construct-stack', 'Core: new ProblemError (stack captured)'],
    ['construct-nostack', 'Core: new ProblemError (a 4xx, no stack: the default)'],
  ]) {
    const value = ns(id);
    rows.push({
      target: label,
      measured: value === undefined ? '—' : `${fmtNs(value)} per error`,
      cpu: '',
      threshold: 'reported',
      status: value === undefined ? 'not measured' : 'reported',
    });
  }
  return rows;
}
