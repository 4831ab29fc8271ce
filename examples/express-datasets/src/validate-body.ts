import { validationProblem } from '@faultline/core';
import { validatorOptions } from '@faultline-examples/datasets-domain';
import { Ajv, type AnySchema } from 'ajv';
import type { NextFunction, Request, Response } from 'express';

/**
 * Validates `req.body` against a JSON Schema with the options Fastify's route is given, so both
 * apps refuse the same bodies; failures become one problem through core's `validationProblem`.
 */
export function validateBody(schema: AnySchema) {
  const validate = new Ajv({ ...validatorOptions }).compile(schema);
  return function validateRequestBody(req: Request, _res: Response, next: NextFunction): void {
    if (validate(req.body)) {
      next();
      return;
    }
    next(validationProblem(validate.errors ?? [], 'body'));
  };
}
