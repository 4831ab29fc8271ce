/**
 * A small vocabulary for expected values that are not fixed (ids, timestamps, counters) and a
 * comparison that names every difference, so a failing row says exactly what was wrong.
 */

const brand = Symbol('contract.matcher');

/** A predicate on one value, with a description for failure messages. */
export interface Matcher {
  readonly [brand]: true;
  readonly description: string;
  /** Whether the member may be missing altogether. */
  readonly optional: boolean;
  test(value: unknown): boolean;
}

/** An expected value: a literal (compared exactly), a matcher, or a structure of them. */
export type Expected =
  | Matcher
  | string
  | number
  | boolean
  | null
  | readonly Expected[]
  | { readonly [member: string]: Expected };

export function isMatcher(value: unknown): value is Matcher {
  return typeof value === 'object' && value !== null && brand in value;
}

/** A matcher from a predicate. */
export function matcher(description: string, test: (value: unknown) => boolean): Matcher {
  return { [brand]: true, description, optional: false, test };
}

/** The member may be absent; when present it must match. */
export function optional(expected: Expected): Matcher {
  return {
    [brand]: true,
    description: `absent or ${describe(expected)}`,
    optional: true,
    test: (value) => value === undefined || differences(expected, value).length === 0,
  };
}

/** The member (or header) must be absent. */
export const absent: Matcher = {
  [brand]: true,
  description: 'absent',
  optional: true,
  test: (value) => value === undefined,
};

export const anyString = matcher('a string', (value) => typeof value === 'string');

export function startsWith(prefix: string): Matcher {
  return matcher(
    `a string starting with ${JSON.stringify(prefix)}`,
    (value) => typeof value === 'string' && value.startsWith(prefix),
  );
}

/** A string holding no run of more than `max` characters of `text`. */
export function echoesAtMost(text: string, max: number): Matcher {
  return matcher(`a string quoting at most ${max} characters of the request body`, (value) => {
    if (typeof value !== 'string') return false;
    for (let i = 0; i + max < text.length; i++) {
      if (value.includes(text.slice(i, i + max + 1))) return false;
    }
    return true;
  });
}

/** A string that does not contain `secret`. */
export function withoutText(secret: string): Matcher {
  return matcher(
    `a string without ${JSON.stringify(secret)}`,
    (value) => typeof value === 'string' && !value.includes(secret),
  );
}

/** A decimal integer written as a string, within bounds (a header value). */
export function integerString(min: number, max = Number.MAX_SAFE_INTEGER): Matcher {
  return matcher(`a whole number from ${min} to ${max}`, (value) => {
    if (typeof value !== 'string' || !/^\d+$/.test(value)) return false;
    const n = Number(value);
    return n >= min && n <= max;
  });
}

export const isoTimestamp = matcher(
  'an ISO 8601 UTC timestamp',
  (value) =>
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
);

/** A W3C trace id: 32 lowercase hexadecimal digits, not all zeros. */
export const traceId = matcher(
  'a trace id (32 lowercase hex digits, not all zeros)',
  (value) => typeof value === 'string' && /^[0-9a-f]{32}$/.test(value) && /[1-9a-f]/.test(value),
);

/** A `Vary` header value naming every one of `fields` (in any case) among its fields. */
export function varyNaming(...fields: readonly string[]): Matcher {
  return matcher(`a Vary naming ${fields.join(' and ')}`, (value) => {
    if (typeof value !== 'string') return false;
    const named = value.split(',').map((entry) => entry.trim().toLowerCase());
    return fields.every((field) => named.includes(field.toLowerCase()));
  });
}

/** base64url (no padding) of `dataset-<suffix>`. */
export const datasetId = matcher('a dataset id (base64url of dataset-…)', (value) => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) return false;
  return Buffer.from(value, 'base64url').toString('utf8').startsWith('dataset-');
});

export function arrayOf(item: Expected): Matcher {
  return matcher(
    `an array of ${describe(item)}`,
    (value) =>
      Array.isArray(value) && value.every((entry) => differences(item, entry).length === 0),
  );
}

export function describe(expected: Expected): string {
  return isMatcher(expected) ? expected.description : JSON.stringify(expected);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Every way `actual` differs from `expected`, as `path: expected …, got …` lines; empty when it
 * matches. Objects must have exactly the expected members (optional ones may be missing).
 */
export function differences(expected: Expected, actual: unknown, path = ''): string[] {
  const at = path === '' ? '(value)' : path;
  if (isMatcher(expected)) {
    return expected.test(actual)
      ? []
      : [`${at}: expected ${expected.description}, got ${show(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${show(actual)}`];
    if (actual.length !== expected.length) {
      return [`${at}: expected ${expected.length} entries, got ${actual.length}: ${show(actual)}`];
    }
    return expected.flatMap((entry, index) =>
      differences(entry, actual[index], `${path}[${index}]`),
    );
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return [`${at}: expected an object, got ${show(actual)}`];
    }
    const found: string[] = [];
    const members = expected as Record<string, Expected>;
    const record = actual as Record<string, unknown>;
    for (const [name, value] of Object.entries(members)) {
      const child = path === '' ? name : `${path}.${name}`;
      if (!(name in record)) {
        if (!(isMatcher(value) && value.optional))
          found.push(`${child}: missing, expected ${describe(value)}`);
        continue;
      }
      found.push(...differences(value, record[name], child));
    }
    for (const name of Object.keys(record)) {
      if (!(name in members)) {
        found.push(
          `${path === '' ? name : `${path}.${name}`}: unexpected member ${show(record[name])}`,
        );
      }
    }
    return found;
  }
  return Object.is(expected, actual)
    ? []
    : [`${at}: expected ${show(expected)}, got ${show(actual)}`];
}
