export {
  type ProblemDocsMiddleware,
  type ProblemDocsOptions,
  problemDocs,
} from './express-docs.js';
