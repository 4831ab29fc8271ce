/**
 * The README's tables "The catalogue" and "Validation failures", row by row, against the code:
 * each catalogue row against a `ProblemError` of that code, each validation row against
 * `validationProblem` and the normaliser. A row without a counterpart here (or in the
 * catalogue), or the reverse, fails. To change what a row promises, change the README (and the
 * code); the cells are read, not copied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AjvErrorLike,
  type DefaultErrorCode,
  defaultCatalogue,
  defineProblems,
  normalise,
  type ValidationLocation,
  validationProblem,
} from '@faultline/core';
import {
  type Columns,
  expectRow,
  fragments,
  type Observed,
  tableAfter,
  unmatched,
} from '../../../scripts/readme-tables';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

/** The one backticked value of a cell (`` `invalid-request` `` → `invalid-request`). */
function quoted(cell: string | undefined): string {
  const [only, ...rest] = fragments(cell ?? '');
  if (only === undefined || rest.length > 0) throw new Error(`expected one \`value\` in ${cell}`);
  return only;
}

describe('packages/core/README.md: “The catalogue”', () => {
  const rows = tableAfter(readme, '## The catalogue');
  const typeBase = 'https://api.example.com/docs/errors';
  const { ProblemError } = defineProblems({ typeBase });

  it('lists every code of the default catalogue, once, and nothing else', () => {
    const listed = rows.map((row) => quoted(row.error_code));
    expect([...listed].sort()).toEqual(Object.keys(defaultCatalogue.codes).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(rows.map((row) => [quoted(row.error_code), row] as const))(
    '%s: status, title and type slug as listed',
    (code, row) => {
      const error = new ProblemError(code as DefaultErrorCode);
      expect({ status: error.status, title: error.title, type: error.type }).toEqual({
        status: Number(row.status),
        title: row.title,
        type: `${typeBase}#${quoted(row['type slug'])}`,
      });
      // "a 5xx body never carries `error_code`"
      const { body } = normalise(error);
      expect(body.error_code).toBe(error.status >= 500 ? undefined : code);
    },
  );
});

describe('packages/core/README.md: “Validation failures”', () => {
  const rows = tableAfter(readme, '## Validation failures');
  const columns: Columns = {
    key: 'failure',
    status: 'status',
    code: 'error_code',
    claims: [],
  };

  /** Each row's failures (Ajv's shape), all of which must get the row's answer. */
  const examples: Readonly<
    Record<string, { readonly location?: ValidationLocation; readonly errors: AjvErrorLike[] }[]>
  > = {
    'wrong type (`type`)': [
      { errors: [{ keyword: 'type', instancePath: '/name', params: { type: 'string' } }] },
    ],
    'missing (`required`) or empty (`minLength: 1`)': [
      { errors: [{ keyword: 'required', instancePath: '', params: { missingProperty: 'name' } }] },
      { errors: [{ keyword: 'minLength', instancePath: '/name', params: { limit: 1 } }] },
    ],
    'not an allowed value (`enum`, `const`)': [
      {
        errors: [
          { keyword: 'enum', instancePath: '/visibility', params: { allowedValues: ['public'] } },
        ],
      },
      { errors: [{ keyword: 'const', instancePath: '/kind', params: { allowedValue: 'x' } }] },
    ],
    'anything else (range, length, format, pattern, ...)': [
      {
        errors: [
          { keyword: 'maximum', instancePath: '/size', params: { comparison: '<=', limit: 9 } },
        ],
      },
      { errors: [{ keyword: 'maxLength', instancePath: '/name', params: { limit: 100 } }] },
      { errors: [{ keyword: 'format', instancePath: '/email', params: { format: 'email' } }] },
      { errors: [{ keyword: 'pattern', instancePath: '/slug', params: { pattern: '^[a-z]+$' } }] },
    ],
    "any failure of a path parameter (`location = 'params'`)": [
      {
        location: 'params',
        errors: [{ keyword: 'type', instancePath: '/id', params: { type: 'integer' } }],
      },
      {
        location: 'params',
        errors: [{ keyword: 'pattern', instancePath: '/id', params: { pattern: '^[0-9]+$' } }],
      },
    ],
  };

  it('has a row for every example here, and examples for every row', () => {
    expect(unmatched(rows, 'failure', examples)).toEqual({
      rowsWithoutScenario: [],
      scenariosWithoutRow: [],
    });
  });

  it.each(rows.map((row) => [row.failure!, row] as const))('%s', (failure, row) => {
    for (const { location, errors } of examples[failure] ?? []) {
      const { status, headers, body } = normalise(validationProblem(errors, location));
      const observed: Observed = { status, headers: lowerCased(headers), body };
      expectRow(row, columns, observed);
    }
  });
});

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
