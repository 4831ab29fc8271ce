// Compiled by `pnpm typecheck` (tsc), never run: a line that should not compile must not.
import { defineProblems } from '@faultline/core';
import {
  type ProblemComponents,
  problemCatalogue,
  problemComponents,
  problemMarkdown,
  problemPage,
  problemResponses,
  type ResponsesObject,
} from '@faultline/openapi';

const { registry } = defineProblems({ codes: { DATASET_ARCHIVED: 409 } });

const responses: ResponsesObject = problemResponses(registry, ['DATASET_ARCHIVED', 'INVALID_ID']);
// @ts-expect-error: a typo in an application's code does not compile
problemResponses(registry, ['DATASET_ARHIVED']);
// @ts-expect-error: a typo in a built-in code does not compile
problemResponses(registry, ['RESOURCE_NOT_FUOND']);

const components: ProblemComponents = problemComponents(registry, {
  examples: { DATASET_ARCHIVED: { detail: 'Archived.' } },
});
// @ts-expect-error: an example is keyed by a code of the registry
problemComponents(registry, { examples: { DATASET_ARHIVED: { detail: 'Archived.' } } });
// @ts-expect-error: an example holds the options of a ProblemError
problemComponents(registry, { examples: { DATASET_ARCHIVED: { detial: 'Archived.' } } });

problemPage(registry, { title: 'Errors', examples: { INVALID_ID: {} } });
// @ts-expect-error: the page's options are checked too
problemPage(registry, { titel: 'Errors' });
problemMarkdown(registry, { introduction: 'All of them.' });
problemCatalogue(registry).codes[0]?.example.body.status satisfies number | undefined;

// Plain JSON: a response and a components object assign to a generator's looser types.
const loose: { responses: Record<string, object>; components: Record<string, unknown> } = {
  responses,
  components,
};

export { loose };
