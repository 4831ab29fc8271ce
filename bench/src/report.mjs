import { median, pairedRatio } from './stats.mjs';
import { fmtInstructions, fmtNs } from './targets.mjs';

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

function table(head, rows) {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
}

function fmtRps(value) {
  return value === undefined || Number.isNaN(value)
    ? '—'
    : Math.round(value).toLocaleString('en-US');
}

function fmtRatio(value) {
  return value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`;
}

function fmtMs(value) {
  return value === undefined || Number.isNaN(value) ? '—' : String(Number(value.toFixed(2)));
}

function statusMark(status, cpuStatus, noisy, instrStatus) {
  const bold = status === 'met' || status === 'missed' ? `**${status}**` : status;
  let mark = noisy ? `${bold}, within noise` : bold;
  // Say so when the server's CPU cost tells a different story from req/s: noise is then the likelier cause.
  if (cpuStatus !== undefined && cpuStatus !== status) mark = `${mark} (CPU: ${cpuStatus})`;
  // A target with an instruction threshold has a second verdict, which load does not move.
  if (instrStatus !== undefined) mark = `${mark}; instructions: **${instrStatus}**`;
  return mark;
}

function fmtMiB(bytes, signed = false) {
  if (bytes === undefined || Number.isNaN(bytes)) return '—';
  const text = `${Math.abs(bytes / 2 ** 20).toFixed(2)} MiB`;
  if (!signed) return text;
  return `${bytes >= 0 ? '+' : '−'}${text}`;
}

function fmtSignedMs(ms) {
  return ms === undefined || Number.isNaN(ms)
    ? '—'
    : `${ms >= 0 ? '+' : '−'}${Math.abs(ms).toFixed(1)} ms`;
}

/** The cold-start section: each framework alone and with faultline, paired. */
function coldStartSection(coldStart, settings) {
  const out = ['## Cold start', ''];
  out.push(
    `Process start → end of the first answer to \`GET /items\` (\`bench/src/cold/\`: the framework, one route, and for faultline the plugin or the middleware registered with its defaults), ${settings.coldStartPairs} pairs per framework, the order alternating pair by pair; the medians of each side and the median of the paired differences. Peak RSS is \`VmHWM\` when the answer arrived. Instructions: the same start under callgrind (\`node --single-threaded\`), counted up to the moment the first answer is sent; unlike the wall time they do not move with the machine's load.`,
  );
  out.push('');
  out.push(
    table(
      [
        'Comparison',
        'Wall ms (with / alone)',
        'Δ wall (paired)',
        'Peak RSS (with / alone)',
        'Δ RSS (paired)',
        'Instructions (with / alone)',
        'Δ instructions',
      ],
      coldStart.map((entry) => [
        entry.label,
        `${entry.wall.faultline.toFixed(0)} / ${entry.wall.alone.toFixed(0)}`,
        fmtSignedMs(entry.wall.delta),
        `${fmtMiB(entry.rss.faultline)} / ${fmtMiB(entry.rss.alone)}`,
        fmtMiB(entry.rss.delta, true),
        entry.instructions === undefined
          ? '—'
          : `${fmtInstructions(entry.instructions.faultline)} / ${fmtInstructions(entry.instructions.alone)}`,
        entry.instructions === undefined
          ? '—'
          : `${entry.instructions.delta >= 0 ? '+' : '−'}${fmtInstructions(Math.abs(entry.instructions.delta))}`,
      ]),
    ),
  );
  out.push('');
  return out;
}

/** The `--instructions` section: per scenario, instructions, system calls and bytes per response. */
function instructionsSection(instructions, scenarios, byId, settings) {
  const out = ['## Instructions, system calls and bytes per response', ''];
  out.push(
    `\`--instructions\`: each contender's server runs under valgrind's callgrind (\`node --single-threaded\`, so V8's compiler and garbage collector run on the counted thread); for each scenario, one sequential keep-alive client sends ${settings.instrWarmup} warm-up requests, then windows of ${settings.instrRequests} measured ones until ${settings.instrSteady} windows in a row agree within ${Math.round(settings.instrTolerance * 100)}% (at most ${settings.instrMaxWindows} windows), the same on every side. The count is the median of those agreeing windows' user-space instructions (Ir), less those of an empty window (the marks' own cost), over ${settings.instrRequests}. A V8 server under callgrind keeps getting cheaper for several thousand requests (tier-up, heap growth), so a count taken at a fixed point would depend on what the server ran before; two identical servers counted after the same fixed warm-up but different earlier scenarios landed 2.3× apart. Counted once steady, twins run side by side agree to within a few percent; the count still moves by some percent between runs on a loaded machine, since work driven by time (timers, the date cache) falls on more or fewer requests, so only pairs counted side by side are compared. "Windows": how many ran before the count settled and how far apart the agreeing ones were; "not steady" marks a count that never settled, and targets judged on it say so. Work done by the kernel (the socket writes and reads, TCP on loopback) is not counted by callgrind; the system calls and the bytes written per response (\`strace -c -f\` attached over the same ${settings.instrRequests} requests without callgrind, and \`wchar\` of \`/proc/<pid>/io\`) show what each contender asks of the kernel. "× default": the framework default's instructions over the contender's (above 1: fewer instructions than the default).`,
  );
  for (const scenario of scenarios) {
    const counts = instructions.get(scenario.id);
    if (counts === undefined || counts.size === 0) continue;
    out.push('');
    out.push(`### ${scenario.title}`);
    out.push('');
    const rows = [];
    for (const [id, entry] of counts) {
      const contender = byId.get(id);
      const reference =
        contender.framework === 'node'
          ? undefined
          : counts.get(`${contender.framework}-default`)?.perResponse;
      rows.push([
        `${contender.label} \`${id}\``,
        entry.perResponse === undefined ? '—' : fmtInstructions(entry.perResponse),
        reference === undefined || !(entry.perResponse > 0)
          ? '—'
          : fmtRatio(reference / entry.perResponse),
        entry.spread === undefined
          ? '—'
          : `${entry.steady === false ? 'not steady: ' : ''}${entry.windowsRun}, ${entry.spread.toFixed(3)}× apart`,
        entry.syscalls === undefined ? '—' : entry.syscalls.toFixed(2),
        entry.bytesWritten === undefined ? '—' : String(Math.round(entry.bytesWritten)),
        entry.statuses ?? '—',
      ]);
    }
    out.push(
      table(
        [
          'Contender',
          'Instructions / response',
          '× default',
          'Windows',
          'Syscalls / response',
          'Bytes written / response',
          'Measured answers',
        ],
        rows,
      ),
    );
  }
  out.push('');
  return out;
}

const targetHead = [
  'Target',
  'req/s ratio (paired rounds)',
  'CPU-cost ratio',
  'Instructions-cost ratio',
  'Threshold',
  'Result',
];

function targetCells(entry) {
  return [
    entry.target,
    entry.measured,
    entry.cpu,
    entry.instr ?? '—',
    entry.threshold,
    statusMark(entry.status, entry.cpuStatus, entry.noisy === true, entry.instrStatus),
  ];
}

/**
 * A group of target rows under its own heading, with an "Answers" column (whether both sides
 * answered alike); rows of scenarios this run did not measure are left out.
 */
function targetGroup(heading, intro, rows) {
  const out = [`### ${heading}`, '', intro, ''];
  const measured = rows.filter((entry) => entry.measured !== '—' || entry.instr !== '—');
  if (measured.length === 0) {
    out.push('Not measured in this run.', '');
    return out;
  }
  out.push(
    table(
      [...targetHead, 'Answers'],
      measured.map((entry) => [...targetCells(entry), entry.answers ?? '—']),
    ),
  );
  out.push('');
  return out;
}

/** The production options' cost: each adapter with every option on against the same app with them off. */
function optionsGroup(rows) {
  return targetGroup(
    "The production options' cost: on vs off",
    "`fastify-faultline-options` and `express-faultline-options` are the faultline apps with `traceId: true`, `xml: true`, `redact: true`, `scope` listing every path prefix the scenarios use (so every request stays in scope), and `locales: ['en', 'de']` with a `localize` holding a small German catalogue (`bench/src/apps/production-options.mjs`); the Express app gives them to `problemHandlers()`. `openTelemetry` (on by default) is idle: the bench does not install `@opentelemetry/api`, so no span is read or written. The requests are the scenarios' own, the same bytes for every contender (no `Accept-Language`, no `Accept`, no `traceparent`): what the options cost on every response when the caller asks for none of them (English JSON, a fresh trace id each time). Every ratio is options on against off, paired like the targets: req/s on over off, CPU and instructions off over on, so below 1.00× is what the options cost. Reported, no threshold. \"Answers\": whether both apps answered alike (status, media type, `Allow`).",
    rows,
  );
}

/** Now against the baseline revision's build, options off: the "no worse" check of `--baseline`. */
function baselineGroup(rows, baseline) {
  return targetGroup(
    `Now vs \`${baseline.short}\`, options off`,
    `\`fastify-faultline-baseline\` and \`express-faultline-baseline\` are the same apps as \`fastify-faultline\` and \`express-faultline\`, their \`@faultline/core\`, \`/express\` and \`/fastify\` built from \`${baseline.short}\` (${baseline.subject}). "No worse": now's req/s at least 0.98× the baseline's, paired by round, and (with \`--instructions\`) the baseline's instructions per response over now's at least 0.98, i.e. at most about 1.02× as many; a verdict nearer 0.98× than the A/A controls landed from 1.00× is within noise. "Answers": whether both builds answered alike (status, media type, \`Allow\`).`,
    rows,
  );
}

/** Problems a run saw that make a figure suspect: errors, time-outs, statuses that changed. */
function anomalies(measurement) {
  const notes = [];
  const errors = measurement.rounds.reduce((sum, round) => sum + round.errors, 0);
  const timeouts = measurement.rounds.reduce((sum, round) => sum + round.timeouts, 0);
  if (errors > 0) notes.push(`${errors} socket errors`);
  if (timeouts > 0) notes.push(`${timeouts} time-outs`);
  const statuses = new Set(measurement.rounds.flatMap((round) => Object.keys(round.statuses)));
  statuses.delete(String(measurement.answer.status));
  if (statuses.size > 0) notes.push(`also answered ${[...statuses].join(', ')}`);
  return notes;
}

/**
 * Where the generated report ends in BENCHMARKS.md: what follows this line is written by hand
 * (what the profiles say about each missed target) and kept when the tables are regenerated.
 */
export const HAND_WRITTEN_MARK = '<!-- Written by hand below this line; pnpm bench keeps it. -->';

/**
 * The hand-written part of an existing report, from its mark to the end, or '' when there is none.
 *
 * @example const kept = handWrittenPart(readFileSync('BENCHMARKS.md', 'utf8'));
 */
export function handWrittenPart(previous) {
  const at = previous.indexOf(HAND_WRITTEN_MARK);
  return at === -1 ? '' : previous.slice(at);
}

/**
 * The Markdown of BENCHMARKS.md: settings, machine, targets, one table per scenario, and the
 * core micro-benchmarks.
 *
 * @example writeFileSync('BENCHMARKS.md', renderReport(run));
 */
export function renderReport({
  command,
  settings,
  machine,
  baseline,
  scenarios,
  contenders,
  http,
  instructions,
  coldStart,
  targets,
  micro,
  skipped,
}) {
  const byId = new Map(contenders.map((contender) => [contender.id, contender]));
  const out = [];
  out.push('# Benchmarks');
  out.push('');
  out.push(
    "Error-path and success-path throughput of `@faultline/express` and `@faultline/fastify` against a raw `node:http` ceiling, each framework's default handlers, the handler a careful developer writes by hand, and peer libraries from npm. The tables are generated by `bench/`; the section after them, written by hand from `--profile` runs, says what bounds the targets missed.",
  );
  out.push('');
  out.push(
    '**Read the ratios, not the absolute figures.** The machine has few cores and shares them with other work: the server, the load generator and everything else compete for the same CPUs, so req/s moves from run to run. Contenders are measured in alternation (A B C … A B C …, the start rotating each round), and every ratio is paired: the req/s of the two contenders in the same round, seconds apart, divided, then the median over the rounds. A machine that changes speed between rounds moves both sides of each paired ratio alike, where a ratio of medians could set a fast round of one contender against a slow round of the other.',
  );
  out.push('');
  out.push('## How it was run');
  out.push('');
  out.push(`Command: \`${command}\``);
  out.push('');
  out.push(
    [
      `- ${settings.rounds} rounds × ${settings.duration} s per contender and scenario, after a ${settings.warmup} s warm-up (the same request in keep-alive loops, unmeasured); autocannon with ${settings.connections} connections, no pipelining, in its own process.`,
      '- Each server runs in its own child process on 127.0.0.1 (port 0) with `NODE_ENV=production`; nothing is pinned to a CPU.',
      `- Logging: every Fastify app and every Express handler that logs uses pino at level \`${settings.logLevel}\`, writing to a destination that drops each line, so serialising log records is measured and I/O is not. At \`warn\` every contender logs the 500 and none logs a 4xx (Fastify's default handler logs 4xx at \`info\`, as do its per-request "incoming request"/"request completed" lines, which are on but below the level). finalhandler prints each error's stack with \`console.error\` whatever the status; its stderr is \`/dev/null\`.`,
      "- Thrown errors: the default, hand-written and faultline contenders throw the same `new ProblemError('RESOURCE_NOT_FOUND', { detail })`, which as a 4xx captures no stack by default (the faultline Fastify app's class comes from `defineProblems()`, as an application's would); `fastify-faultline-stack` defines its class with `stackPolicy: true`, so its 404 captures a stack; peers throw their own (`httpErrors.notFound()`, `createError(404)`, a mapped error class). Express validates `POST /items` with the same compiled Ajv schema in every contender; Fastify uses its route schema.",
      "- Answered without throwing (`GET /lookup/42`): the faultline apps answer the same 404 with `reply.problem('RESOURCE_NOT_FOUND', { detail })` and `res.problem(…)` (Express with `problemResponse()` installed); Fastify's default and hand-written apps have no such route, so their own not-found handlers answer (Fastify's default 404 is the reference); the other Express apps pass the same `ProblemError` to `next()`, which their error middleware answers.",
      '- "CPU µs/req" is the server process\'s CPU time (user + system, all threads, read from `/proc`) over the responses it sent in the round, median of the rounds: less disturbed than req/s by other work on the machine, though contention still inflates it. In the targets, "CPU-cost ratio" is the reference\'s CPU per response over faultline\'s, paired by round like the req/s ratio (above 1: faultline is cheaper); it corroborates the req/s ratio, which is what each target is judged on.',
      '- Two A/A controls, a second identical Fastify default and Express default server, run in the success scenario: their ratio to the first copy is what noise alone does to a ratio in this run. Targets whose margin is smaller than that noise are not settled by this run either way.',
      '- "× ceiling" compares with the `node:http` server writing a precomputed buffer, "× default" with the same framework\'s default handlers on the same request; both are paired ratios (median over rounds of the same round\'s two req/s), so they are not the quotient of the "Median req/s" column. In the targets, the figures in brackets are the two medians, for context.',
      '- "Answer" is what the contender sent to a single probe of the scenario\'s request before the measurement (status, media type, `Allow`, and whether it closed the connection: a contender that closes it makes autocannon open a new TCP connection for every request, which then dominates its figures).',
      '- Production options: `fastify-faultline-options` and `express-faultline-options` are the faultline apps with `traceId`, `xml`, `redact`, `scope`, `locales` and `localize` on (OpenTelemetry idle: `@opentelemetry/api` is not installed in the bench), each measured right after the same app with them off, on the same requests.',
      ...(baseline === undefined
        ? []
        : [
            `- Baseline (\`--baseline ${baseline.rev}\`): \`${baseline.short}\`, "${baseline.subject}". \`fastify-faultline-baseline\` and \`express-faultline-baseline\` run the same app code with \`@faultline/core\`, \`/express\` and \`/fastify\` built from that revision (a git worktree under \`node_modules/.cache/faultline-bench/baseline/\`), each measured right before the same app built now.`,
          ]),
    ].join('\n'),
  );
  out.push('');
  const loadCpu = median(
    [...http.values()].flatMap((measurements) =>
      [...measurements.values()].flatMap((measurement) =>
        measurement.rounds.map((round) => round.loadCpuUs).filter((value) => value !== undefined),
      ),
    ),
  );
  if (!Number.isNaN(loadCpu)) {
    out.push(
      `autocannon itself spent a median ${Math.round(loadCpu)} µs of CPU per response. Server and load generator share the cores, so the fastest contenders (the ceiling above all) are held back by the load generator as much as by their own cost, which compresses their req/s ratios; the CPU µs/req column is free of that.`,
    );
    out.push('');
  }
  out.push('## Machine');
  out.push('');
  out.push(
    table(
      ['CPU cores', 'CPU model', 'Memory', 'OS', 'Node', 'Date'],
      [
        [
          String(machine.cores),
          machine.model,
          machine.memory,
          machine.os,
          machine.node,
          machine.date,
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    `Load average (1 min) at the start: ${machine.loadStart}; at the end: ${machine.loadEnd ?? '—'}.`,
  );
  out.push('');
  out.push(
    `Packages: ${Object.entries(machine.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
  );
  out.push('');
  if (skipped.length > 0) {
    out.push(
      `Not measured in this run: ${skipped.map((entry) => `${entry.id} (${entry.reason})`).join('; ')}.`,
    );
    out.push('');
  }
  out.push('## Targets');
  out.push('');
  out.push(
    table(targetHead, targets.filter((entry) => entry.group === undefined).map(targetCells)),
  );
  out.push('');
  out.push(
    '"Within noise": the ratio is nearer its threshold than the farther A/A control landed from 1.00× in this run, so the run does not settle that target either way. "Instructions-cost ratio" (with `--instructions`): the reference\'s user-space instructions per response over faultline\'s, both counted under callgrind with the same requests (above 1: faultline does less work), then the two counts; it does not move with the machine\'s load, and where a target states an instruction threshold it has its own verdict. Cold-start rows: the median of the paired differences, and in the instructions column the instructions added to the first answer.',
  );
  out.push('');
  out.push(...optionsGroup(targets.filter((entry) => entry.group === 'options')));
  if (baseline !== undefined) {
    out.push(
      ...baselineGroup(
        targets.filter((entry) => entry.group === 'baseline'),
        baseline,
      ),
    );
  }
  if (coldStart !== undefined && coldStart.length > 0)
    out.push(...coldStartSection(coldStart, settings));
  out.push('## Scenarios');
  for (const scenario of scenarios) {
    const measurements = http.get(scenario.id);
    if (measurements === undefined || measurements.size === 0) continue;
    out.push('');
    out.push(`### ${scenario.title}`);
    out.push('');
    out.push(
      `\`${scenario.method} ${scenario.path}\`${scenario.body === undefined ? '' : ` with body \`${scenario.body}\``}; a problem-details answer is ${scenario.expect}.`,
    );
    out.push('');
    const ceiling = measurements.get('ceiling');
    const rows = [];
    const notes = [];
    for (const [id, measurement] of measurements) {
      const contender = byId.get(id);
      const reference =
        contender.framework === 'node'
          ? undefined
          : measurements.get(`${contender.framework}-default`);
      rows.push([
        `${contender.label} \`${id}\``,
        measurement.answerText,
        fmtRps(measurement.rps),
        fmtMs(measurement.p99),
        measurement.cpuUs === undefined ? '—' : String(Math.round(measurement.cpuUs)),
        fmtRatio(ceiling === undefined ? undefined : pairedRatio(measurement, ceiling)),
        fmtRatio(reference === undefined ? undefined : pairedRatio(measurement, reference)),
        measurement.rounds.map((round) => fmtRps(round.rps)).join(' / '),
      ]);
      const found = anomalies(measurement);
      if (found.length > 0) notes.push(`- \`${id}\`: ${found.join(', ')}.`);
    }
    out.push(
      table(
        [
          'Contender',
          'Answer',
          'Median req/s',
          'p99 ms',
          'CPU µs/req',
          '× ceiling',
          '× default',
          'Rounds (req/s)',
        ],
        rows,
      ),
    );
    if (notes.length > 0) {
      out.push('');
      out.push(...notes);
    }
  }
  out.push('');
  if (instructions !== undefined) {
    out.push(...instructionsSection(instructions, scenarios, byId, settings));
  }
  out.push('## Core micro-benchmarks');
  out.push('');
  if (micro === undefined) {
    out.push('Not run (`--no-micro`).');
  } else {
    out.push(
      `tinybench, ${settings.microMs} ms per task, each timed call running the operation 200 times; the median per operation. \`normalise\` is \`createNormaliser()\` with default options.`,
    );
    out.push('');
    out.push(
      table(
        ['Operation', 'Median per op', 'ops/s'],
        micro.map((entry) => [entry.name, fmtNs(entry.nsPerOp), fmtRps(entry.opsPerSecond)]),
      ),
    );
  }
  out.push('');
  return out.join('\n');
}
