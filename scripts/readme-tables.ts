/**
 * Reads the tables of a README so that tests can hold each row to the code: every row is played
 * against the real behaviour, and a row the test does not know (or a scenario the README does not
 * list) fails. The cells are read generically where they are precise (a status, an `error_code`,
 * a quoted `detail`, a header, "logged at `level`"), so that editing the README is enough to
 * change what is checked.
 */

/** One row: the cells by column header, as written (backticks kept, `\|` unescaped). */
export type Row = Readonly<Record<string, string>>;

/** Splits a table line into its cells, honouring `\|`. */
function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/**
 * The first table after the heading `heading` (the full heading line, `## ...`), as rows keyed
 * by the header's cells. Throws if the heading or its table is missing.
 */
export function tableAfter(markdown: string, heading: string): Row[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) throw new Error(`README: no heading "${heading}"`);
  let index = start + 1;
  while (index < lines.length && !lines[index]!.trim().startsWith('|')) {
    if (/^#{1,6} /.test(lines[index]!)) throw new Error(`README: no table under "${heading}"`);
    index++;
  }
  const header = cellsOf(lines[index] ?? '');
  const separator = lines[index + 1] ?? '';
  if (header.length < 2 || !/^\|?\s*:?-{3,}/.test(separator.trim())) {
    throw new Error(`README: no table under "${heading}"`);
  }
  const rows: Row[] = [];
  for (index += 2; index < lines.length && lines[index]!.trim().startsWith('|'); index++) {
    const cells = cellsOf(lines[index]!);
    if (cells.length !== header.length) {
      throw new Error(
        `README: a row under "${heading}" has ${cells.length} cells: ${lines[index]}`,
      );
    }
    rows.push(Object.fromEntries(header.map((name, column) => [name, cells[column]!])));
  }
  return rows;
}

/** The first fenced code block in `lang` after the heading `heading` (the full heading line). */
export function codeBlockAfter(markdown: string, heading: string, lang: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) throw new Error(`README: no heading "${heading}"`);
  const open = lines.findIndex((line, index) => index > start && line.trim() === `\`\`\`${lang}`);
  const close = lines.findIndex((line, index) => index > open && line.trim() === '```');
  if (open === -1 || close === -1)
    throw new Error(`README: no \`\`\`${lang} block under "${heading}"`);
  return lines.slice(open + 1, close).join('\n');
}

/** The backticked fragments of a cell, in order. */
export function fragments(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** Header names a cell may name; anything else in backticks is prose for a human. */
const knownHeaders = new Set(
  [
    'Accept',
    'Accept-Encoding',
    'Accept-Patch',
    'Allow',
    'Cache-Control',
    'Connection',
    'Content-Length',
    'Content-Type',
    'Location',
    'RateLimit',
    'RateLimit-Policy',
    'Retry-After',
    'WWW-Authenticate',
    'X-Content-Type-Options',
  ].map((name) => name.toLowerCase()),
);

/** What a cell says precisely enough to check without knowing the row. */
export type Claim =
  | { readonly kind: 'header'; readonly name: string; readonly value: string | undefined }
  | { readonly kind: 'header-prefix'; readonly prefix: string }
  | { readonly kind: 'detail'; readonly text: string; readonly pattern: RegExp }
  | { readonly kind: 'logged'; readonly level: string };

/** A sentence in backticks is a `detail`; a capital `N` in it stands for a number. */
function detailPattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\bN\b/g, '\\d+');
  return new RegExp(`^${escaped}$`);
}

/**
 * The claims of a cell: `Name: value` and `Name` for known headers, `Prefix-*` for a family of
 * headers, a backticked sentence (capitalised, with a space) for the `detail`, and
 * "logged at `level`".
 */
export function claimsOf(cell: string): Claim[] {
  const claims: Claim[] = [];
  for (const fragment of fragments(cell)) {
    const field = /^([A-Za-z][A-Za-z0-9-]*): (.+)$/.exec(fragment);
    if (field !== null && knownHeaders.has(field[1]!.toLowerCase())) {
      claims.push({ kind: 'header', name: field[1]!, value: field[2]! });
    } else if (knownHeaders.has(fragment.toLowerCase())) {
      claims.push({ kind: 'header', name: fragment, value: undefined });
    } else if (/^[A-Za-z][A-Za-z0-9-]*-\*$/.test(fragment)) {
      claims.push({ kind: 'header-prefix', prefix: fragment.slice(0, -1) });
    } else if (/^[A-Z]/.test(fragment) && fragment.includes(' ')) {
      claims.push({ kind: 'detail', text: fragment, pattern: detailPattern(fragment) });
    }
  }
  for (const match of cell.matchAll(/logged at `(\w+)`/g)) {
    claims.push({ kind: 'logged', level: match[1]! });
  }
  return claims;
}

/** A cell that is only `—` (or starts with it): nothing of that kind. */
export function isNone(cell: string): boolean {
  return /^—(\s|$)/.test(cell.trim());
}

/** Every three-digit status in a cell (`405, \`Allow\``, `400 / 415 / 422`). */
export function statusesOf(cell: string): number[] {
  const text = cell.replace(/`[^`]*`/g, ' ');
  return [...text.matchAll(/\b([1-5]\d\d)\b/g)].map((match) => Number(match[1]));
}

/** The `error_code` a cell starts with (`` `RESOURCE_NOT_FOUND` ``), if it starts with one. */
export function leadingCode(cell: string): string | undefined {
  return /^`([A-Z][A-Z0-9_]*)`/.exec(cell.trim())?.[1];
}

/** What a scenario saw when it played a row: the problem answered (if any), and the log. */
export interface Observed {
  /** The status of the problem answered; `undefined` when no problem response was written. */
  readonly status: number | undefined;
  /** Response headers, lower-cased names. */
  readonly headers: Readonly<Record<string, unknown>>;
  /** The problem document, when one was sent. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The levels logged for the failure, in order (when the scenario records them). */
  readonly logged?: readonly string[];
}

/**
 * What a status or `error_code` cell in words (not a number, a code or `—`) means for the
 * example a scenario plays: `{ status: { "the code's": 409 }, code: { 'the code': '...' } }`.
 */
export interface Meanings {
  readonly status?: Readonly<Record<string, number | undefined>>;
  readonly code?: Readonly<Record<string, string | undefined>>;
}

/** Which columns of a table hold what. */
export interface Columns {
  /** The column naming the row (its key). */
  readonly key: string;
  readonly status: string;
  readonly code: string;
  /** The columns whose backticked details, headers and log levels are checked. */
  readonly claims: readonly string[];
}

function meaning(
  means: Readonly<Record<string, unknown>> | undefined,
  cell: string,
  key: string,
): unknown {
  if (means === undefined || !Object.hasOwn(means, cell)) {
    throw new Error(
      `README row "${key}" says "${cell}"; tell the test what that means for the row (its scenario's means)`,
    );
  }
  return means[cell];
}

/**
 * Checks one observation against a row: the status (a number, `—` for no problem, or wording the
 * scenario explains), the `error_code` likewise, what every problem carries, and each claim of
 * the claim columns.
 */
export function expectRow(row: Row, columns: Columns, observed: Observed, means?: Meanings): void {
  const key = row[columns.key]!;
  const statusCell = row[columns.status]!;
  const codeCell = row[columns.code]!;
  const statuses = statusesOf(statusCell);
  const status = isNone(statusCell)
    ? undefined
    : statuses.length === 1
      ? statuses[0]
      : meaning(means?.status, statusCell, key);
  expect(observed.status).toBe(status);

  const code = isNone(codeCell)
    ? undefined
    : (leadingCode(codeCell) ?? meaning(means?.code, codeCell, key));
  expect(observed.body?.error_code).toBe(code);

  if (observed.body !== undefined) {
    // Every problem: its media type, nosniff, and a `status` member equal to the HTTP status.
    expect(observed.headers['content-type']).toBe('application/problem+json');
    expect(observed.headers['x-content-type-options']).toBe('nosniff');
    expect(observed.body.status).toBe(observed.status);
  }

  for (const claim of columns.claims.flatMap((column) => claimsOf(row[column] ?? ''))) {
    switch (claim.kind) {
      case 'header': {
        const value = observed.headers[claim.name.toLowerCase()];
        expect([claim.name, value]).toEqual([claim.name, claim.value ?? expect.any(String)]);
        break;
      }
      case 'header-prefix': {
        const prefix = claim.prefix.toLowerCase();
        const present = Object.keys(observed.headers).some((name) => name.startsWith(prefix));
        expect([claim.prefix, present]).toEqual([claim.prefix, true]);
        break;
      }
      case 'detail':
        expect(observed.body?.detail).toMatch(claim.pattern);
        break;
      case 'logged':
        expect(observed.logged).toEqual([claim.level]);
        break;
    }
  }
}

/**
 * The rows of a table against the scenarios that play them: the keys of rows no scenario plays,
 * and of scenarios whose row is gone. Both must be empty.
 */
export function unmatched(
  rows: readonly Row[],
  key: string,
  scenarios: Readonly<Record<string, unknown>>,
): { readonly rowsWithoutScenario: string[]; readonly scenariosWithoutRow: string[] } {
  const listed = rows.map((row) => row[key] ?? '');
  return {
    rowsWithoutScenario: listed.filter((name) => !Object.hasOwn(scenarios, name)),
    scenariosWithoutRow: Object.keys(scenarios).filter((name) => !listed.includes(name)),
  };
}

/** A response as read: its status, headers (lower-cased names) and body text. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/** Whether a response is a problem: its Content-Type is exactly `application/problem+json`. */
export function isProblem(headers: Readonly<Record<string, unknown>>): boolean {
  return headers['content-type'] === 'application/problem+json';
}

/**
 * A response as an observation: its status and parsed body when it is a problem, neither when it
 * is not (or when there was no response); `logged`, the levels logged, copied when given.
 */
export function observation(answer: Answer | undefined, logged?: readonly string[]): Observed {
  const headers = answer?.headers ?? {};
  const problem = answer !== undefined && isProblem(headers);
  return {
    status: problem ? answer.status : undefined,
    headers,
    body: problem ? (JSON.parse(answer.body) as Record<string, unknown>) : undefined,
    ...(logged === undefined ? {} : { logged: [...logged] }),
  };
}

/**
 * What one raw connection received, split into responses (as `exchange` of
 * `@faultline/test-support` splits it), as an observation: nothing at all, or exactly one
 * complete response and nothing after it. Anything else throws, showing what came.
 */
export function wireObservation(
  received: { readonly responses: readonly Answer[]; readonly rest: Uint8Array },
  logged?: readonly string[],
): Observed {
  const { responses, rest } = received;
  if (responses.length > 1 || rest.length > 0) {
    throw new Error(
      `expected at most one complete response and nothing after it; got ${responses.length} response(s) and ${rest.length} more bytes: ${Buffer.from(rest).toString('latin1').slice(0, 400)}`,
    );
  }
  return observation(responses[0], logged);
}

/** The body of the last-resort 500, sent when the problem itself cannot be built or sent. */
export const lastResortProblem = {
  status: 500,
  title: 'Internal Server Error',
  type: 'about:blank',
  detail: 'An unexpected error occurred.',
} as const;

/** How a test plays one row of a table on a target (an adapter and its framework's version). */
export interface Scenario<Target> {
  /** What the wording of the status and `error_code` cells means for the primary example. */
  readonly means?: Meanings;
  /** The primary example: every claim of the row is checked on it. */
  readonly run: (target: Target) => Promise<Observed>;
  /** Further examples of the same row, with their own assertions; given the row's cells. */
  readonly more?: (target: Target, row: Row) => Promise<void>;
}

/** Every row has a scenario, every scenario a row, and no row is listed twice. */
export function expectScenarioForEachRow(
  rows: readonly Row[],
  key: string,
  scenarios: Readonly<Record<string, unknown>>,
): void {
  expect(unmatched(rows, key, scenarios)).toEqual({
    rowsWithoutScenario: [],
    scenariosWithoutRow: [],
  });
  expect(new Set(rows.map((row) => row[key])).size).toBe(rows.length);
}

/**
 * Registers the Jest tests of one table under `title`: that its rows and `scenarios` match one to
 * one, then, on each target (`on $name`), each row played by its scenario, checked with
 * `expectRow`, and its further examples.
 */
export function describeTable<Target extends { readonly name: string }>(
  title: string,
  table: {
    readonly rows: readonly Row[];
    readonly columns: Columns;
    readonly scenarios: Readonly<Record<string, Scenario<Target>>>;
  },
  targets: readonly Target[],
): void {
  const { rows, columns, scenarios } = table;
  describe(title, () => {
    it('has a row for every scenario here, and a scenario for every row', () => {
      expectScenarioForEachRow(rows, columns.key, scenarios);
    });

    describe.each(targets)('on $name', (target) => {
      const known = rows.filter((row) => Object.hasOwn(scenarios, row[columns.key] ?? ''));
      it.each(known.map((row) => [row[columns.key]!, row] as const))('%s', async (key, row) => {
        const scenario = scenarios[key]!;
        expectRow(row, columns, await scenario.run(target), scenario.means);
        await scenario.more?.(target, row);
      });
    });
  });
}
