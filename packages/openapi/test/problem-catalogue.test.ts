import { createNormaliser, type defaultRegistry, defineProblems } from '@faultline/core';
import { problemClassFor } from '@faultline/core/adapter';
import { problemCatalogue } from '@faultline/openapi';
import { problems } from './fixtures/problems';

describe('problemCatalogue', () => {
  const { registry } = problems;
  const catalogue = problemCatalogue(registry);

  it('lists every problem type by status and every code in the registry’s order', () => {
    expect(catalogue.types.map((type) => type.slug)).toEqual([
      'invalid-request',
      'authentication-required',
      'payment-required',
      'access-forbidden',
      'resource-not-found',
      'method-not-allowed',
      'resource-conflict',
      'dataset-archived',
      'content-too-large',
      'unsupported-media-type',
      'validation-error',
      'rate-limit-exceeded',
      'internal-server-error',
      'bad-gateway',
      'service-unavailable',
    ]);
    expect(catalogue.codes.map((code) => code.code)).toEqual(registry.codes);
  });

  it('documents a type and a code with what the registry says, and leaves out what it does not', () => {
    expect(catalogue.types.find((type) => type.slug === 'dataset-archived')).toEqual({
      slug: 'dataset-archived',
      type: 'https://api.example.com/docs/errors#dataset-archived',
      status: 409,
      title: 'Dataset Archived',
      description: 'The dataset is read-only since it was archived.',
      causes: ['Writing to a dataset after archiving it'],
      fix: 'Restore the dataset first.',
      codes: ['DATASET_ARCHIVED'],
      example: expect.any(Object),
    });
    expect(catalogue.codes.find((code) => code.code === 'NAME_TAKEN')).toEqual({
      code: 'NAME_TAKEN',
      status: 409,
      title: 'Conflict',
      type: 'https://api.example.com/docs/errors#resource-conflict',
      slug: 'resource-conflict',
      description: 'Another dataset of the space has this name.',
      retryable: false,
      sent: true,
      example: expect.any(Object),
    });
    expect(catalogue.codes.find((code) => code.code === 'BAD_GATEWAY')?.sent).toBe(false);
  });

  it('gives each code the response the normaliser writes for a ProblemError of it', () => {
    const Problem = problemClassFor(registry);
    const normalise = createNormaliser({ registry });
    for (const code of [
      'NAME_TAKEN',
      'PAYMENT_REQUIRED',
      'ACCESS_DENIED',
      'INTERNAL_SERVER_ERROR',
    ]) {
      expect(catalogue.codes.find((entry) => entry.code === code)?.example).toEqual(
        normalise(new Problem(code as never, { captureStack: false })),
      );
    }
    // A default code with a typical occurrence shows it: a 405 names what is allowed.
    expect(
      catalogue.codes.find((entry) => entry.code === 'METHOD_NOT_ALLOWED')?.example,
    ).toMatchObject({
      status: 405,
      headers: { Allow: 'GET, HEAD, POST' },
      body: { detail: 'The PUT method is not allowed on this resource.' },
    });
  });

  it('is JSON: what it serialises to is what it is', () => {
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
  });

  it('gives a code on a status no type covers (no type base) a section of its own', () => {
    const plain = problemCatalogue(defineProblems({ codes: { DATASET_LOCKED: 423 } }).registry);
    expect(plain.types.find((type) => type.status === 423)).toEqual({
      slug: 'status-423',
      type: 'about:blank',
      status: 423,
      title: 'Locked',
      codes: ['DATASET_LOCKED'],
      example: expect.objectContaining({
        body: { status: 423, title: 'Locked', type: 'about:blank', error_code: 'DATASET_LOCKED' },
      }),
    });
    expect(plain.codes.find((code) => code.code === 'DATASET_LOCKED')?.slug).toBe('status-423');
  });

  it('shows a type without codes by its bare status', () => {
    const withType = defineProblems({
      typeBase: 'https://api.example.com/docs/errors',
      types: { 410: { slug: 'gone', title: 'Gone' } },
    }).registry;
    const gone = problemCatalogue(withType).types.find((type) => type.slug === 'gone');
    expect(gone?.codes).toEqual([]);
    expect(gone?.example.body).toEqual({
      status: 410,
      title: 'Gone',
      type: 'https://api.example.com/docs/errors#gone',
      error_code: 'GONE',
    });
  });

  it('refuses what is not a registry', () => {
    expect(() => problemCatalogue({} as typeof defaultRegistry)).toThrow(
      '@faultline/openapi: expected the registry of defineProblems(), got object',
    );
  });
});
