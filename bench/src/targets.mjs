import { contenders } from './contenders.mjs';
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
 * paired by round, at least `min` (or above it, when `strict`); with `instrMin`, the reference's
 * instructions per response over the contender's (from `--instructions`) must also be at least
 * `instrMin` (above it, when `instrStrict`), `instrText` saying so in the words. Without
 * `min`, the row is reported only. `rivals`: above every rival that was measured. `control`: an
 * A/A pair, whose distance from 1.00x is the run's noise.
 */
const httpTargets = [
  {
    target: "Fastify reply.problem() 404 vs Fastify's own default 404",
    scenario: 'problem-404',
    contender: 'fastify-faultline',
    reference: 'fastify-default',
    min: 0.9,
    instrMin: 1 / 1.1,
    instrText: '≤ 1.10× its instructions',
  },
  {
    target:
      'Fastify thrown 404 ProblemError, default settings (no stack for a 4xx), vs Fastify default error handler, same thrown error',
    scenario: 'thrown-404',
    contender: 'fastify-faultline',
    reference: 'fastify-default',
    min: 1.3,
    instrMin: 1,
    instrStrict: true,
    instrText: 'fewer instructions',
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
      'Fastify thrown 404 with stacks asked for (stackPolicy: true) vs Fastify default error handler',
    scenario: 'thrown-404',
    contender: 'fastify-faultline-stack',
    reference: 'fastify-default',
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
  {
    target: 'Express res.problem() 404 vs hand-written error middleware',
    scenario: 'problem-404',
    contender: 'express-faultline',
    reference: 'express-hand',
    min: 1,
    instrMin: 1,
    instrText: 'no more instructions',
  },
  ...expressErrorPaths.flatMap((scenario) => [
    {
      target: `Express ${scenario} vs hand-written error middleware`,
      scenario,
      contender: 'express-faultline',
      reference: 'express-hand',
      min: 1,
      ...(scenario === 'thrown-404' ? { instrMin: 1, instrText: 'no more instructions' } : {}),
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
      instrMin: 0.98,
      instrText: '≥ 0.98× in instructions',
    },
    {
      target: `Express ${scenario}: problemJson() + problemResponse() + problemHandlers() vs express.json() alone`,
      scenario,
      contender: 'express-faultline',
      reference: 'express-default',
      min: 0.98,
      instrMin: 0.98,
      instrText: '≥ 0.98× in instructions',
    },
  ]),
];

const adapters = [
  { name: 'Fastify', faultline: 'fastify-faultline' },
  { name: 'Express', faultline: 'express-faultline' },
];

/** The scenarios a contender runs. */
function scenariosOf(id) {
  return contenders.find((contender) => contender.id === id)?.scenarios ?? [];
}

/**
 * The production options' cost, reported without a threshold: for every scenario, the faultline
 * app with every production option on (`<adapter>-faultline-options`) against the same app with
 * them off. `group` puts these rows under their own heading, with whether both sides answered
 * alike.
 */
const optionsTargets = adapters.flatMap(({ name, faultline }) =>
  scenariosOf(`${faultline}-options`).map((scenario) => ({
    target: `${name} ${scenario}: production options on vs off`,
    scenario,
    contender: `${faultline}-options`,
    reference: faultline,
    group: 'options',
  })),
);

/**
 * `--baseline`: for every scenario both run, the faultline app now against the same app built
 * from the baseline revision, options off: no worse, at least 0.98× its req/s and at most about
 * 1.02× its instructions (the baseline's over now's at least 0.98).
 */
function baselineTargets(baseline) {
  if (baseline === undefined) return [];
  return adapters.flatMap(({ name, faultline }) =>
    scenariosOf(faultline).map((scenario) => ({
      target: `${name} ${scenario}: now vs ${baseline.short}, options off`,
      scenario,
      contender: faultline,
      reference: `${faultline}-baseline`,
      min: 0.98,
      instrMin: 0.98,
      instrText: `no worse: at most ~1.02× ${baseline.short}'s instructions`,
      group: 'baseline',
    })),
  );
}

/**
 * Whether the two sides of a row answered the scenario alike: `same` or `differ`, and what each
 * answered (the probe's status, media type and `Allow`, or with `--instructions-only` the
 * statuses of the counted requests). `undefined` when either side has no record.
 */
function compareAnswers(spec, get, instructions) {
  const answerOf = (id) =>
    get(spec.scenario, id)?.answerText ?? instructions?.get(spec.scenario)?.get(id)?.statuses;
  const a = answerOf(spec.contender);
  const b = answerOf(spec.reference);
  if (a === undefined || b === undefined) return undefined;
  return a === b ? `same: ${a}` : `**differ**: ${a} vs ${b}`;
}

/** Instructions as `652 k` or `1.42 M`. */
export function fmtInstructions(count) {
  if (count === undefined || !Number.isFinite(count)) return '—';
  return Math.abs(count) < 1e6 ? `${Math.round(count / 1000)} k` : `${(count / 1e6).toFixed(2)} M`;
}

/**
 * The reference's instructions per response over the contender's (above 1: the contender does
 * less work), with both counts, and its verdict when the target has an instruction threshold.
 */
function instrCells(spec, instructions) {
  const ofContender = instructions?.get(spec.scenario)?.get(spec.contender);
  const ofReference = instructions?.get(spec.scenario)?.get(spec.reference);
  const a = ofContender?.perResponse;
  const b = ofReference?.perResponse;
  if (!(a > 0) || !(b > 0)) return { instr: '—', instrStatus: undefined };
  const ratio = b / a;
  const steady = ofContender.steady !== false && ofReference.steady !== false;
  const instr = `${ratio.toFixed(2)}× (${fmtInstructions(a)} vs ${fmtInstructions(b)})${steady ? '' : ', not steady'}`;
  if (spec.instrMin === undefined) return { instr, instrStatus: undefined };
  if (!steady) return { instr, instrStatus: 'not settled' };
  const met = spec.instrStrict ? ratio > spec.instrMin : ratio >= spec.instrMin;
  return { instr, instrStatus: met ? 'met' : 'missed' };
}

/** The threshold column: req/s, then instructions in the words. */
function thresholdText(spec) {
  const rps = `${spec.strict ? '>' : '≥'} ${spec.min.toFixed(2)}×`;
  if (spec.instrMin === undefined) return rps;
  const instr = `${spec.instrStrict ? '>' : '≥'} ${spec.instrMin.toFixed(2)}×`;
  return `${rps}; instructions ${instr} (${spec.instrText})`;
}

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

const notMeasured = (target, threshold, instr = '—', instrStatus = undefined) => ({
  target,
  measured: '—',
  cpu: '—',
  instr,
  instrStatus,
  threshold,
  status: 'not measured',
});

/** An A/A pair: no threshold; how far from 1.00× it lands is the run's noise. */
function evaluateControl(spec, get, instructions) {
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
    instr: instrCells(spec, instructions).instr,
    threshold,
    status: 'control',
  };
}

/** A row reported without a threshold: the ratios, for context. */
function evaluateReported(spec, get, instructions) {
  const a = get(spec.scenario, spec.contender);
  const b = get(spec.scenario, spec.reference);
  const { instr } = instrCells(spec, instructions);
  const ratio = a === undefined || b === undefined ? undefined : rpsRatio(a, b);
  const cpu = ratio === undefined ? undefined : cpuRatio(a, b);
  return {
    target: spec.target,
    measured: ratio === undefined ? '—' : describeRatio(ratio, a, b),
    cpu: cpu === undefined ? '—' : `${cpu.toFixed(2)}×`,
    instr,
    threshold: 'reported',
    status: ratio === undefined && instr === '—' ? 'not measured' : 'reported',
  };
}

function evaluateRatio(spec, get, instructions) {
  if (spec.min === undefined) return evaluateReported(spec, get, instructions);
  const threshold = thresholdText(spec);
  const { instr, instrStatus } = instrCells(spec, instructions);
  const a = get(spec.scenario, spec.contender);
  const b = get(spec.scenario, spec.reference);
  const ratio = a === undefined || b === undefined ? undefined : rpsRatio(a, b);
  if (ratio === undefined) return notMeasured(spec.target, threshold, instr, instrStatus);
  const met = spec.strict ? ratio > spec.min : ratio >= spec.min;
  return {
    target: spec.target,
    ratio,
    min: spec.min,
    measured: describeRatio(ratio, a, b),
    ...cpuCells(cpuRatio(a, b), spec.min, spec.strict),
    instr,
    instrStatus,
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
    instr: '—',
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

const MiB = 2 ** 20;

/** Cold start (item 3): faultline adds at most 10 ms and 1 MiB to process start → first answer. */
const coldStartLimits = { ms: 10, bytes: MiB };

function signed(value, digits) {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
}

function evaluateColdStart(entry) {
  const threshold = `≤ +${coldStartLimits.ms} ms and ≤ +1 MiB`;
  const target = `Cold start, process start → first answer: ${entry.label}`;
  const instr =
    entry.instructions === undefined
      ? '—'
      : `${signed(entry.instructions.delta / 1e6, 1)} M (${fmtInstructions(entry.instructions.faultline)} vs ${fmtInstructions(entry.instructions.alone)})`;
  if (entry.wall === undefined) {
    return { target, measured: '—', cpu: '—', instr, threshold, status: 'not measured' };
  }
  const met = entry.wall.delta <= coldStartLimits.ms && entry.rss.delta <= coldStartLimits.bytes;
  return {
    target,
    measured: `${signed(entry.wall.delta, 1)} ms, ${signed(entry.rss.delta / MiB, 2)} MiB peak RSS (median of ${entry.pairs} pairs; ${entry.wall.faultline.toFixed(0)} vs ${entry.wall.alone.toFixed(0)} ms)`,
    cpu: '—',
    instr,
    threshold,
    status: met ? 'met' : 'missed',
  };
}

/**
 * Checks the targets against one run's paired ratios. Each row is `{ target, measured, cpu,
 * instr, threshold, status, instrStatus? }`, status being `met`, `missed`, `control`,
 * `reported` or `not measured`; a verdict nearer its threshold than the run's noise also has
 * `noisy: true`. The rows of the production options' cost have `group: 'options'`, and with a
 * `baseline` (`{ short }` from `prepareBaseline()`) those of now vs the baseline `group:
 * 'baseline'`; both also say in `answers` whether their two sides answered alike.
 * `instructions` (scenario → contender → counts), `coldStart` and `baseline` are optional.
 *
 * @example const rows = evaluateTargets(http, micro, { instructions, coldStart, baseline });
 */
export function evaluateTargets(http, micro, { instructions, coldStart, baseline } = {}) {
  const get = (scenario, contender) => http.get(scenario)?.get(contender);
  const noise = controlNoise(get);
  const specs = [...httpTargets, ...optionsTargets, ...baselineTargets(baseline)];
  const rows = specs.map((spec) => {
    if (spec.control) return evaluateControl(spec, get, instructions);
    const row =
      spec.rivals === undefined ? evaluateRatio(spec, get, instructions) : evaluateAhead(spec, get);
    if (spec.group === undefined) return withinNoise(row, noise);
    const answers = compareAnswers(spec, get, instructions);
    return { ...withinNoise(row, noise), group: spec.group, answers };
  });
  for (const entry of coldStart ?? []) rows.push(evaluateColdStart(entry));

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
    instr: '',
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
      instr: '',
      threshold: 'reported',
      status: value === undefined ? 'not measured' : 'reported',
    });
  }
  return rows;
}
