import { defaultRegistry } from '@faultline/core';
import { problems } from './fixtures/problems';
import { documentWith } from './openapi-document';
import { lint, rulesOf } from './redocly';

// Bounds a hang only: each lint starts a Node process. Nothing here is timed.
jest.setTimeout(60_000);

describe('@redocly/cli lint (recommended rules) of documents built from problemComponents and problemResponses', () => {
  it('an application registry: 0 errors, and only the components no operation uses as warnings', async () => {
    const { registry } = problems;
    const report = await lint(
      documentWith(registry, {
        '/everything': registry.codes,
        '/datasets/{id}': ['INVALID_ID', 'RESOURCE_NOT_FOUND', 'INTERNAL_SERVER_ERROR'],
        '/conflicts': ['RESOURCE_ALREADY_EXISTS', 'DATASET_ARCHIVED', 'VALIDATION_ERROR'],
      }),
    );
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
    // An example that did not match its schema would be no-invalid-media-type-examples.
    expect(rulesOf(report)).toEqual(['no-unused-components']);
  });

  it('the default registry, without a type base: 0 errors, 0 warnings', async () => {
    const report = await lint(
      documentWith(defaultRegistry, { '/everything': defaultRegistry.codes }),
    );
    expect(report.problems).toEqual([]);
  });

  it('and a broken document fails it', async () => {
    const document = documentWith(defaultRegistry, { '/everything': defaultRegistry.codes });
    const components = document.components as { responses: Record<string, unknown> };
    delete components.responses['resource-not-found'];
    const report = await lint(document);
    expect(report.totals.errors).toBeGreaterThan(0);
    expect(rulesOf(report)).toContain('no-unresolved-refs');
  });
});
