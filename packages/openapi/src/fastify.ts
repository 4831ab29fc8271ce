export {
  type ProblemDocsOptions,
  type ProblemDocsPluginOptions,
  problemDocs,
} from './fastify-docs.js';
export {
  type ProblemSwagger,
  type ProblemSwaggerOptions,
  problemSwagger,
  type RouteProblemCode,
} from './fastify-swagger.js';
