export type {
  ExampleObject,
  HeaderObject,
  MediaTypeObject,
  ProblemComponents,
  ReferenceObject,
  ResponseObject,
  ResponsesObject,
  SchemaObject,
} from './openapi-objects.js';
export {
  type DocumentationOptions,
  type DocumentedCode,
  type DocumentedType,
  type ProblemCatalogue,
  type ProblemExample,
  problemCatalogue,
} from './problem-catalogue.js';
export { problemMarkdown } from './problem-markdown.js';
export { type PageOptions, type ProblemPage, problemPage } from './problem-page.js';
export { problemComponents, problemResponses } from './problem-responses.js';
