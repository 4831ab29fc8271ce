/**
 * `pnpm demo`: starts the Express and the Fastify Datasets examples on free ports, plays every
 * row of the contract against both, prints them side by side and one full problem response per
 * status, and exits non-zero naming every row that breaks the contract or where the two
 * frameworks answer differently.
 *
 * `pnpm demo --services` plays the same rows with the datasets in PostgreSQL and the rate limit in
 * Redis (`DATABASE_URL` and `REDIS_URL`, by default the local servers); each framework gets a
 * table of its own, dropped at the end.
 *
 * The rows include what production adds: a `trace_id` in every problem (a valid `traceparent`'s
 * comes back), the XML form for `Accept: application/problem+xml`, `Cache-Control: no-store`.
 *
 * `pnpm start` runs it as `demo.mts serve`: both examples on their usual ports (3000, 3001) until
 * Ctrl-C, with a few requests to try.
 *
 * The root script builds the packages first; the examples then run their TypeScript with tsx
 * against the packages' published entry points (their `dist/`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  type ContractContext,
  describeRequest,
  type Exchange,
  fetchTransport,
  frameworkDifferences,
  isRawScenario,
  PROBLEM_XML_CONTENT_TYPE,
  rawTransport,
  readProblemXml,
  runScenario,
  type Scenario,
  scenarioDifferences,
  scenarios,
  type Target,
  TRACEPARENT,
  verify,
  type WireResponse,
} from '../examples/contract/src/index.js';

const frameworks = [
  { name: 'Express', dir: 'examples/express-datasets', port: 3000 },
  { name: 'Fastify', dir: 'examples/fastify-datasets', port: 3001 },
] as const;
type FrameworkName = (typeof frameworks)[number]['name'];

const context: ContractContext = {
  rateLimitMax: 100,
  rateLimitWindowS: 60,
  typeBase: 'https://api.example.com/docs/errors',
};

const withServices = process.argv.includes('--services');
const services = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const tableOf = (name: FrameworkName) => `demo_${name.toLowerCase()}_${process.pid}`;

/** The environment of one example: SQLite in memory, or the servers with `--services`. */
function storeEnv(name: FrameworkName): Record<string, string> {
  if (!withServices) return { DATABASE_PATH: ':memory:' };
  return {
    DATABASE_URL: services.databaseUrl,
    DATABASE_TABLE: tableOf(name),
    REDIS_URL: services.redisUrl,
    RATE_LIMIT_PREFIX: `demo:${name.toLowerCase()}:${process.pid}:`,
  };
}

/** A URL without its credentials, to print. */
function shown(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** Drops the tables `--services` created, through the examples' own driver. */
async function dropDemoTables(): Promise<void> {
  const require = createRequire(
    new URL('../examples/datasets-domain/package.json', import.meta.url),
  );
  const url = services.databaseUrl;
  if (/^postgres(ql)?:/i.test(url)) {
    const pg = require('pg') as {
      Client: new (options: {
        connectionString: string;
      }) => {
        connect(): Promise<void>;
        query(sql: string): Promise<unknown>;
        end(): Promise<void>;
      };
    };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const { name } of frameworks) await client.query(`DROP TABLE IF EXISTS ${tableOf(name)}`);
    await client.end();
  } else {
    const mysql = require('mysql2/promise') as {
      createConnection(options: { uri: string }): Promise<{
        query(sql: string): Promise<unknown>;
        end(): Promise<void>;
      }>;
    };
    const connection = await mysql.createConnection({ uri: url.replace(/^mariadb:/i, 'mysql:') });
    for (const { name } of frameworks)
      await connection.query(`DROP TABLE IF EXISTS ${tableOf(name)}`);
    await connection.end();
  }
}

/** How long a server may take to print its `listening on` line. */
const STARTUP_TIMEOUT_MS = 60_000;
/** How long a server may take to close after SIGTERM. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

interface Server {
  readonly name: FrameworkName;
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the server wrote, shown if it misbehaves. */
  readonly output: () => string;
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint(1);
const dim = paint(2);
const red = paint(31);
const green = paint(32);

/** Starts one example with tsx; resolves once it prints `listening on http://…`. */
function startServer(
  framework: (typeof frameworks)[number],
  port: number,
  echo: boolean,
): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: new URL(`../${framework.dir}/`, import.meta.url),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...storeEnv(framework.name),
      RATE_LIMIT_MAX: String(context.rateLimitMax),
      RATE_LIMIT_WINDOW_S: String(context.rateLimitWindowS),
      PROBLEM_TYPE_BASE: context.typeBase,
      LOG_LEVEL: echo ? 'info' : 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${framework.name} did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`),
      );
    }, STARTUP_TIMEOUT_MS);
    const collect = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        output += chunk;
        if (echo)
          to.write(chunk.replace(/^(?=.)/gm, `${dim(`[${framework.name.toLowerCase()}]`)} `));
        const listening = /^listening on (http:\/\/\S+)$/m.exec(output);
        if (listening !== null) {
          clearTimeout(timer);
          resolve({ name: framework.name, child, url: listening[1]!, output: () => output });
        }
      });
    };
    collect(child.stdout!, process.stdout);
    collect(child.stderr!, process.stderr);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${framework.name} exited (${signal ?? code}) before listening:\n${output}`),
      );
    });
  });
}

/** SIGTERM, then waits for the process to close its server and database and exit. */
function stopServer(server: Server): Promise<number | null> {
  if (server.child.exitCode !== null) return Promise.resolve(server.child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
    server.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    server.child.kill('SIGTERM');
  });
}

function targetOf(server: Server): Target {
  const { hostname, port } = new URL(server.url);
  return { send: fetchTransport(server.url), sendRaw: rawTransport(hostname, Number(port)) };
}

/** One row, played against both servers. */
interface Row {
  readonly scenario: Scenario;
  readonly answers: Record<FrameworkName, Exchange | Error>;
  readonly failures: string[];
}

function codeOf(response: WireResponse): string {
  const type = response.headers['content-type'] ?? '';
  const xml = type.startsWith(PROBLEM_XML_CONTENT_TYPE);
  if ((!xml && !/json/.test(type)) || response.text === '') return '';
  try {
    const body = (xml ? readProblemXml(response.text).problem : JSON.parse(response.text)) as {
      error_code?: unknown;
    } | null;
    const code = typeof body?.error_code === 'string' ? body.error_code : '';
    return xml && code !== '' ? `${code} (XML)` : code;
  } catch {
    return '';
  }
}

function statusCell(answer: Exchange | Error): string {
  if (answer instanceof Error) return 'error';
  const code = codeOf(answer.response);
  return code === '' ? String(answer.response.status) : `${answer.response.status} ${code}`;
}

const masked = (value: string) => value.replace(/ZGF0YXNldC[A-Za-z0-9_-]*/g, '<id>');

/** The headers a newcomer should notice, in a short form. */
function notableHeaders(response: WireResponse): string {
  const h = response.headers;
  const parts: string[] = [];
  if (h['www-authenticate']) parts.push(`WWW-Authenticate: ${h['www-authenticate']}`);
  if (h.allow) parts.push(`Allow: ${h.allow}`);
  if (h['retry-after']) parts.push(`Retry-After: ${h['retry-after']}`);
  if (h.location) parts.push(`Location: ${masked(h.location)}`);
  if (h['ratelimit-limit']) {
    parts.push(
      `RateLimit ${h['ratelimit-remaining']}/${h['ratelimit-limit']} reset ${h['ratelimit-reset']}s`,
    );
  }
  return parts.join('; ');
}

async function play(scenario: Scenario, servers: readonly Server[]): Promise<Row> {
  const answers = {} as Record<FrameworkName, Exchange | Error>;
  const failures: string[] = [];
  for (const server of servers) {
    try {
      const exchange = await runScenario(scenario, targetOf(server), context);
      answers[server.name] = exchange;
      for (const problem of verify(scenario, exchange.response, context)) {
        failures.push(`${server.name}: ${problem}`);
      }
    } catch (error) {
      answers[server.name] = error instanceof Error ? error : new Error(String(error));
      failures.push(`${server.name}: could not be played: ${String(error)}`);
    }
  }
  const express = answers.Express;
  const fastify = answers.Fastify;
  if (!(express instanceof Error) && !(fastify instanceof Error)) {
    for (const difference of scenarioDifferences(scenario, express.response, fastify.response, [
      'Express',
      'Fastify',
    ])) {
      failures.push(`Express ≠ Fastify: ${difference}`);
    }
  }
  return { scenario, answers, failures };
}

function pad(text: string, width: number): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return cut + ' '.repeat(width - cut.length);
}

function printTable(rows: readonly Row[]): void {
  const widths = { n: 3, situation: 44, request: 50, status: 30 };
  const header = [
    pad('#', widths.n),
    pad('situation', widths.situation),
    pad('request', widths.request),
    pad('Express', widths.status),
    pad('Fastify', widths.status),
    'notable headers',
  ].join('  ');
  console.log(bold(header));
  console.log(dim('─'.repeat(header.length + 20)));
  rows.forEach((row, index) => {
    const ok = row.failures.length === 0;
    const express = row.answers.Express;
    const cells = [
      pad(String(index + 1), widths.n),
      pad(row.scenario.situation, widths.situation),
      pad(describeRequest(row.scenario), widths.request),
      pad(statusCell(express), widths.status),
      pad(statusCell(row.answers.Fastify), widths.status),
      express instanceof Error ? '' : notableHeaders(express.response),
    ];
    console.log(`${cells.join('  ')}  ${ok ? green('✓') : red('✗')}`);
  });
}

const shownHeaders = [
  'Content-Type',
  'WWW-Authenticate',
  'Allow',
  'Retry-After',
  'Cache-Control',
  'Vary',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];

/** One full response per status: the real body a client gets. */
function printExamples(rows: readonly Row[]): void {
  const seen = new Set<number>();
  console.log(`\n${bold('One full problem response per status (as Express sent it):')}`);
  for (const row of rows) {
    const answer = row.answers.Express;
    if (answer instanceof Error) continue;
    const { response } = answer;
    if (response.status < 400 || seen.has(response.status)) continue;
    if (!(response.headers['content-type'] ?? '').startsWith('application/problem+json')) continue;
    seen.add(response.status);
    const fastify = row.answers.Fastify;
    const same =
      !(fastify instanceof Error) && frameworkDifferences(response, fastify.response).length === 0;
    console.log(
      `\n${bold(`── ${response.status} · ${row.scenario.situation}`)} ${dim(`(${describeRequest(row.scenario)})`)}`,
    );
    console.log(dim(same ? 'Fastify sent the same.' : 'Fastify differs: see the failures.'));
    console.log(`HTTP/1.1 ${response.status}`);
    for (const name of shownHeaders) {
      const value = response.headers[name.toLowerCase()];
      if (value !== undefined) console.log(`${name}: ${value}`);
    }
    if (response.headers.connection === 'close') console.log('Connection: close');
    try {
      console.log(JSON.stringify(JSON.parse(response.text), null, 2));
    } catch {
      console.log(response.text);
    }
  }
}

/** The path of the error page: that of the type base, which every problem's `type` points to. */
const errorPagePath = new URL(context.typeBase).pathname;

/** Each server's address, then where its documents are. */
function printServers(servers: readonly Server[]): void {
  for (const server of servers) {
    console.log(`${bold(server.name.padEnd(8))} ${server.url}`);
    console.log(`  OpenAPI document   ${server.url}/openapi.json`);
    console.log(`  API reference      ${server.url}/docs`);
    console.log(`  error page         ${server.url}${errorPagePath}`);
  }
  console.log();
}

async function demo(): Promise<number> {
  console.log(
    bold(
      withServices
        ? `Starting both examples on free ports, datasets in ${shown(services.databaseUrl)}, rate limit in ${shown(services.redisUrl)}…`
        : 'Starting both examples on free ports (datasets in SQLite in memory; --services for PostgreSQL and Redis)…',
    ),
  );
  const servers = await Promise.all(
    frameworks.map((framework) => startServer(framework, 0, false)),
  );
  printServers(servers);

  const rows: Row[] = [];
  const shutdownFailures: string[] = [];
  try {
    for (const scenario of scenarios) rows.push(await play(scenario, servers));
  } finally {
    const codes = await Promise.all(servers.map(stopServer));
    if (withServices) await dropDemoTables();
    servers.forEach((server, index) => {
      if (codes[index] !== 0) {
        shutdownFailures.push(
          `${server.name} exited with ${String(codes[index])} after SIGTERM:\n${server.output()}`,
        );
      }
    });
  }

  printTable(rows);
  printExamples(rows);

  const failed = rows.filter((row) => row.failures.length > 0);
  const raw = rows.filter((row) => isRawScenario(row.scenario)).length;
  console.log();
  if (failed.length === 0 && shutdownFailures.length === 0) {
    console.log(
      green(
        `All ${rows.length} rows hold for Express and Fastify, and both answer alike (${raw} of them refused by Node's parser). Both servers closed cleanly.`,
      ),
    );
    return 0;
  }
  for (const failure of shutdownFailures) console.log(red(failure));
  if (failed.length > 0) console.log(red(bold(`${failed.length} of ${rows.length} rows fail:`)));
  for (const row of failed) {
    console.log(
      red(
        `\n✗ ${row.scenario.name} (${row.scenario.situation}) — ${describeRequest(row.scenario)}`,
      ),
    );
    for (const failure of row.failures) console.log(`    ${failure}`);
  }
  return 1;
}

async function serve(): Promise<void> {
  const servers = await Promise.all(
    frameworks.map((framework) => startServer(framework, framework.port, true)),
  );
  const [express, fastify] = servers as [Server, Server];
  console.log();
  printServers(servers);
  console.log(`${bold('Both Datasets examples are running.')} Try (the same requests work on ${fastify.url}):

  curl -i ${express.url}/v2/datasets
  curl -i -H 'Authorization: Bearer demo-admin-key' ${express.url}/v2/datasets
  curl -i -H 'Authorization: Bearer demo-admin-key' -H 'Content-Type: application/json' \\
       -d '{"name":"quarterly-sales","visibility":"public"}' ${express.url}/v2/datasets
  curl -i -H 'Authorization: Bearer demo-admin-key' -H 'Content-Type: application/json' \\
       -d '{"name":42}' ${fastify.url}/v2/datasets
  curl -i -H 'Authorization: Bearer demo-reader-key' -X DELETE ${fastify.url}/v2/datasets/ZGF0YXNldC10ZXN0
  curl -i -X PUT ${fastify.url}/v2/datasets
  curl -i -H 'Authorization: Bearer demo-admin-key' ${fastify.url}/v2/_demo/crash
  curl -i -H 'Authorization: Bearer demo-admin-key' -H 'Accept: application/problem+xml' \\
       -H 'traceparent: ${TRACEPARENT}' ${express.url}/v2/_demo/crash

Every problem carries a trace_id (the traceparent's when it is valid) and Cache-Control: no-store;
Accept: application/problem+xml gets the XML form. Run an example on its own with
OTEL_TRACES_EXPORTER=console (pnpm --dir examples/express-datasets start) to see its spans.

Ctrl-C stops both.`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      Promise.all(servers.map(stopServer)).then(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

if (process.argv[2] === 'serve') {
  await serve();
} else {
  process.exitCode = await demo();
}
