import { defaultCatalogue, defaultRegistry, defineProblems } from '@faultline/core';

describe('the documentation a registry carries', () => {
  it('documents every type and every code of the default catalogue', () => {
    for (const type of defaultRegistry.types) {
      expect([type.slug, typeof type.description, typeof type.fix, typeof type.retryable]).toEqual([
        type.slug,
        'string',
        'string',
        'boolean',
      ]);
    }
    for (const code of defaultRegistry.codes) {
      const resolved = defaultRegistry.byCode(code);
      expect([code, typeof resolved?.description, typeof resolved?.fix]).toEqual([
        code,
        'string',
        'string',
      ]);
    }
    expect(Object.keys(defaultCatalogue.documentation).sort()).toEqual(
      [...defaultRegistry.codes].sort(),
    );
  });

  it("takes an application's documentation of its codes and types", () => {
    const problems = defineProblems({
      typeBase: 'https://api.example.com/docs/errors',
      codes: {
        DATASET_LOCKED: {
          status: 423,
          type: {
            slug: 'dataset-locked',
            title: 'Dataset Locked',
            causes: ['An import still running'],
            retryable: true,
          },
          fix: 'Wait for the import to finish.',
        },
        NAME_TAKEN: { status: 409, description: 'The name is in use.' },
      },
    });
    expect(problems.registry.byCode('DATASET_LOCKED')).toMatchObject({
      fix: 'Wait for the import to finish.',
      retryable: true,
    });
    expect(problems.registry.types.find((type) => type.slug === 'dataset-locked')).toMatchObject({
      causes: ['An import still running'],
      retryable: true,
    });
    // A code without its own `retryable` takes its problem type's.
    expect(problems.registry.byCode('NAME_TAKEN')).toMatchObject({
      description: 'The name is in use.',
      retryable: false,
    });
  });

  it.each([
    [
      { APP: { status: 409, description: '' } },
      /error code "APP" has a description that is not a string, or is empty/,
    ],
    [
      { APP: { status: 409, causes: 'typo' } },
      /error code "APP" has causes that are not a list of non-empty strings/,
    ],
    [{ APP: { status: 409, causes: [''] } }, /causes that are not a list/],
    [{ APP: { status: 409, fix: 3 } }, /error code "APP" has a fix that is not a non-empty string/],
    [
      { APP: { status: 409, retryable: 'yes' } },
      /error code "APP" has retryable "yes"; it must be true or false/,
    ],
    [
      { APP: { status: 409, type: { slug: 'app', title: 'App', retryable: 1 } } },
      /problem type of error code "APP" has retryable 1/,
    ],
    [
      { APP: { status: 409, fixes: 'x' } },
      /unknown member "fixes"; a code is \{ status, type\? \} with its documentation/,
    ],
  ])('rejects bad documentation at start-up, saying what to fix: %p', (codes, message) => {
    expect(() => defineProblems({ codes } as never)).toThrow(message);
  });
});
