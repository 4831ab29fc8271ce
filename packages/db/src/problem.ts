import { type DefaultErrorCode, ProblemError } from '@faultline/core';
import type { DatabaseFailure, Recognised } from './failure.js';
import type { ResolvedOptions } from './options.js';

/** A field name as a JSON Pointer in URI-fragment form (`#/email`). */
function pointerTo(field: string): string {
  return `#/${encodeURIComponent(field.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
}

function quoted(fields: readonly string[]): string {
  const names = fields.map((field) => `'${field}'`);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

interface Wording {
  readonly code: DefaultErrorCode;
  /** The detail when no field may be named. */
  readonly detail?: string;
  /** The detail naming the fields, and each field's entry in `errors` (422s only). */
  readonly named?: (fields: string) => string;
  readonly perField?: (field: string) => string;
}

/** What each failure answers; every text is ours, never the database's. */
const wordings: Readonly<Record<DatabaseFailure, Wording>> = {
  duplicate: {
    code: 'RESOURCE_ALREADY_EXISTS',
    detail: 'A resource with the same unique value already exists.',
    named: (fields) => `A resource with the same ${fields} already exists.`,
  },
  'missing-reference': {
    code: 'INVALID_FIELD_VALUE',
    detail: 'A referenced resource does not exist.',
    named: (fields) => `The ${fields} field refers to a resource that does not exist.`,
    perField: (field) => `The '${field}' field refers to a resource that does not exist.`,
  },
  'still-referenced': {
    code: 'RESOURCE_ALREADY_EXISTS',
    detail: 'Other resources still refer to this one.',
  },
  'broken-reference': {
    code: 'RESOURCE_ALREADY_EXISTS',
    detail:
      'A reference between resources does not hold: a referenced resource does not exist, or others still refer to this one.',
  },
  required: {
    code: 'MISSING_REQUIRED_FIELD',
    detail: 'A required field is missing.',
    named: (fields) => `The ${fields} field is required.`,
    perField: (field) => `The '${field}' field is required.`,
  },
  rule: { code: 'INVALID_FIELD_VALUE', detail: 'A value breaks a rule of the resource.' },
  'too-long': {
    code: 'INVALID_FIELD_VALUE',
    detail: 'A value is too long.',
    named: (fields) => `The ${fields} field is too long.`,
    perField: (field) => `The '${field}' field is too long.`,
  },
  malformed: { code: 'VALIDATION_ERROR', detail: 'A value is not in the expected format.' },
  'not-found': {
    code: 'RESOURCE_NOT_FOUND',
    detail: 'A resource the request needs does not exist.',
  },
  contention: { code: 'SERVICE_UNAVAILABLE' },
  unavailable: { code: 'SERVICE_UNAVAILABLE' },
};

/** The names the application lets the problem show, in the order the error gave them. */
function shownFields(found: Recognised, options: ResolvedOptions): string[] {
  const shown: string[] = [];
  for (const column of found.columns) {
    const name = options.fieldName(column, found.table);
    if (name !== undefined && !shown.includes(name)) shown.push(name);
  }
  return shown;
}

/**
 * The problem a recognised database error answers with. Its detail is one of ours; it names a
 * field only when the application allows it, and never a value, a constraint, a host or a port.
 * The database's error is its `cause`: logged, never sent.
 */
export function problemFor(
  found: Recognised,
  cause: unknown,
  options: ResolvedOptions,
): ProblemError {
  const wording = wordings[found.failure];
  if (found.failure === 'contention' || found.failure === 'unavailable') {
    return new ProblemError(wording.code, {
      cause,
      captureStack: false,
      retryAfter:
        found.failure === 'contention'
          ? options.contentionRetryAfter
          : options.unavailableRetryAfter,
    });
  }
  const fields = wording.named === undefined ? [] : shownFields(found, options);
  if (fields.length === 0 || wording.named === undefined) {
    return new ProblemError(wording.code, {
      cause,
      captureStack: false,
      ...(wording.detail === undefined ? {} : { detail: wording.detail }),
    });
  }
  const { perField } = wording;
  return new ProblemError(wording.code, {
    cause,
    captureStack: false,
    detail: wording.named(quoted(fields)),
    ...(perField === undefined
      ? {}
      : {
          extensions: {
            errors: fields.map((field) => ({ detail: perField(field), pointer: pointerTo(field) })),
          },
        }),
  });
}
