import { normalise } from '@faultline/core';
import {
  anythingThrown,
  assertValidProblem,
  HAND_MADE,
  MARKER,
  type Thrown,
  thrown,
} from '@faultline/test-support';
import fc from 'fast-check';

/**
 * Values that look like each library's error, with members of any kind in the places each
 * recogniser reads (fast-check's values, and the hand-made hostile ones: Proxies that throw,
 * revoked Proxies, getters that throw, huge sparse arrays): the normaliser always answers with a
 * valid problem of 400, 413, 422 or 500, and never shows the private text. Values are built by
 * `make()` inside the property, since fast-check cannot hold the hostile ones itself.
 */

const constant = (value: unknown): Thrown =>
  thrown(JSON.stringify(value) ?? String(value), () => value);

/**
 * An array of text in a `path` is the names of the fields that failed, which a problem shows by
 * design (in its pointers); the private text must not be one of them here.
 */
const namesPrivateFields = (made: Thrown) => made.label === 'array with a statusCode';

const member: fc.Arbitrary<Thrown> = fc.oneof(
  anythingThrown,
  // A ProblemError chooses its own members; here only values that merely look like errors.
  fc.constantFrom(
    ...HAND_MADE.filter((made) => made.problemError !== true && !namesPrivateFields(made)),
  ),
  fc
    .constantFrom(
      'invalid_type',
      'too_small',
      'invalid_value',
      'custom',
      'any.required',
      'field',
      'required',
      'undefined',
    )
    .map(constant),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.nat()), { maxLength: 3 }).map(constant),
);

const keys = [
  'code',
  'path',
  'message',
  'received',
  'input',
  'expected',
  'values',
  'options',
  'minimum',
  'origin',
  'keys',
  'errors',
  'unionErrors',
  'type',
  'context',
  'kind',
  'key',
  'requirement',
  'property',
  'constraints',
  'children',
  'value',
  'msg',
  'location',
  'fields',
  'nestedErrors',
  'keyword',
  'instancePath',
  'params',
  'schema',
  'isJoi',
  'details',
] as const;

function objectOf(entries: readonly (readonly [string, Thrown])[]): Thrown {
  return thrown(`{ ${entries.map(([key, value]) => `${key}: ${value.label}`).join(', ')} }`, () =>
    Object.fromEntries(entries.map(([key, value]) => [key, value.make()])),
  );
}

const entry: fc.Arbitrary<Thrown> = fc.oneof(
  member,
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...keys), member), {
      maxLength: 6,
      selector: ([key]) => key,
    })
    .map(objectOf),
);

const array: fc.Arbitrary<Thrown> = fc
  .array(entry, { maxLength: 5 })
  .map((items) =>
    thrown(`[${items.map((item) => item.label).join(', ')}]`, () =>
      items.map((item) => item.make()),
    ),
  );

const list: fc.Arbitrary<Thrown> = fc.oneof(array, member);

/** Each library's error, by the members its recogniser starts from. */
const shapes: fc.Arbitrary<readonly (readonly [string, Thrown])[]> = fc.oneof(
  list.map(
    (issues) =>
      [
        ['name', constant('ZodError')],
        ['issues', issues],
      ] as const,
  ),
  list.map(
    (issues) =>
      [
        ['name', constant('ValiError')],
        ['issues', issues],
      ] as const,
  ),
  list.map(
    (details) =>
      [
        ['isJoi', constant(true)],
        ['details', details],
      ] as const,
  ),
  list.map(
    (inner) =>
      [
        ['name', constant('ValidationError')],
        ['inner', inner],
        ['params', constant({})],
        ['type', constant('min')],
      ] as const,
  ),
  list.map((errors) => [['errors', errors]] as const),
  list.map(
    (errors) =>
      [
        ['ajv', constant(true)],
        ['errors', errors],
      ] as const,
  ),
  list.map(
    (errors) =>
      [
        [
          'cause',
          objectOf([
            ['source', constant('Assert')],
            ['errors', errors],
          ]),
        ],
      ] as const,
  ),
  entry.map((error) => [['error', error]] as const),
  fc
    .tuple(member, list)
    .map(
      ([segment, details]) =>
        [
          [
            'details',
            thrown(
              `Map { ${segment.label} => ${details.label} }`,
              () => new Map([[segment.make(), { isJoi: true, details: details.make() }]]),
            ),
          ],
        ] as const,
    ),
  fc.tuple(member, member).map(
    ([code, field]) =>
      [
        ['name', constant('MulterError')],
        ['code', code],
        ['field', field],
      ] as const,
  ),
  fc.tuple(member, member).map(
    ([type, path]) =>
      [
        ['name', constant('StructError')],
        ['type', type],
        ['path', path],
      ] as const,
  ),
);

it('a value shaped like a library error, with members of any kind, gets a valid problem', () => {
  fc.assert(
    fc.property(shapes, (members) => {
      const value = new Error(MARKER);
      for (const [key, made] of members) {
        Object.defineProperty(value, key, {
          value: made.make(),
          enumerable: true,
          configurable: true,
        });
      }
      const { status, body } = normalise(value);
      assertValidProblem(body);
      expect([400, 413, 422, 500]).toContain(status);
      expect(JSON.stringify(body)).not.toContain(MARKER);
    }),
    { numRuns: 500 },
  );
});

it('a list of them, thrown as it is, too', () => {
  fc.assert(
    fc.property(array, (made) => {
      const { status, body } = normalise(made.make());
      assertValidProblem(body);
      expect([400, 413, 422, 500]).toContain(status);
      expect(JSON.stringify(body)).not.toContain(MARKER);
    }),
    { numRuns: 500 },
  );
});
