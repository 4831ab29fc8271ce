import { STATUS_CODES } from 'node:http';
import { ProblemError } from '@faultline/core';
import Fastify from 'fastify';
import { fastifyRoutes } from './fastify-routes.mjs';
import { fastifyOptions, itemNotFoundDetail } from './fixtures.mjs';
import { listenFastify } from './listen.mjs';

function errorStatus(error) {
  const status = error?.statusCode ?? error?.status;
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

/**
 * The handler a careful developer writes by hand: `setErrorHandler` and `setNotFoundHandler`
 * replying a problem object, 5xx logged and never echoed, validation failures as 422 + `errors`.
 */
export async function start() {
  const app = Fastify(fastifyOptions());
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `No route for ${request.method} ${request.url}.`,
      });
  });
  app.setErrorHandler((error, request, reply) => {
    let status = errorStatus(error);
    const problem = { type: 'about:blank', title: STATUS_CODES[status], status };
    if (error.validation) {
      status = 422;
      problem.status = status;
      problem.title = STATUS_CODES[status];
      problem.errors = error.validation.map((entry) => ({
        detail: entry.message,
        pointer: `#${entry.instancePath}`,
      }));
    } else if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      problem.detail = error.message;
    }
    reply.code(status).type('application/problem+json').send(problem);
  });
  fastifyRoutes(app, {
    notFound: (id) => new ProblemError('RESOURCE_NOT_FOUND', { detail: itemNotFoundDetail(id) }),
  });
  return listenFastify(app);
}
