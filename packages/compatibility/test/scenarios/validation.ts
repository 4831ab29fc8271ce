import type * as TypeBoxProvider from '@fastify/type-provider-typebox';
import { problemJson } from '@faultline/express';
import { requireEsmPackage } from '@faultline/test-support';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import Ajv from 'ajv';
import type * as Celebrate from 'celebrate';
import { IsIn, validateOrReject } from 'class-validator';
import type { Express } from 'express';
import { param, validationResult } from 'express-validator';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import Joi from 'joi';
import { assert, object, string } from 'superstruct';
import type * as TypeBox1 from 'typebox';
import type * as TypeBox1Value from 'typebox/value';
import * as v from 'valibot';
import * as yup from 'yup';
import { z } from 'zod';
import { z as z3 } from 'zod3';
import { postJson, type Scenario, SECRET } from '../support/scenario';

/**
 * The schema libraries: a handler of `POST /` on either framework validates the JSON body with
 * the library, which throws; the rejected value always contains `SECRET`. On Express the route
 * parses its JSON with `problemJson()`, which would refuse the multipart bodies of other routes.
 */
function parsingBody(
  packageName: string,
  validate: (body: unknown) => unknown,
  body: unknown,
): Scenario {
  return {
    package: packageName,
    express: (app: Express) => {
      // Express 4 does not route a rejected promise: the rejection is passed to `next`.
      app.post('/', problemJson(), (req, res, next) => {
        Promise.resolve(req.body)
          .then(validate)
          .then(() => res.json({ ok: true }), next);
      });
    },
    fastify: (app: FastifyInstance) => {
      app.post('/', async (request) => {
        await validate(request.body);
        return { ok: true };
      });
    },
    requests: () => [postJson(body)],
    hidesMessage: true,
  };
}

/** class-validator's DTO, decorated by hand: the tests' compiler does not run decorators. */
class CreateDataset {
  kind: unknown;
}
IsIn(['public', 'private'])(CreateDataset.prototype, 'kind');

export const validationScenarios: Readonly<Record<string, Scenario>> = {
  'zod / `ZodError` of `parse()`: a missing field': parsingBody(
    'zod',
    (body) => z.object({ name: z.string(), note: z.string() }).parse(body),
    { note: SECRET },
  ),
  'zod 3 / `ZodError` of `parse()`: a value outside `z.enum()`': parsingBody(
    'zod3',
    (body) => z3.object({ kind: z3.enum(['public', 'private']) }).parse(body),
    { kind: SECRET },
  ),
  'express-validator / `validationResult(req).throw()`: a path parameter that fails `isInt()`': {
    package: 'express-validator',
    express: (app) => {
      app.get('/datasets/:id', param('id').isInt(), (req, res) => {
        validationResult(req).throw();
        res.json({ ok: true });
      });
    },
    requests: () => [{ method: 'GET', path: `/datasets/${SECRET}` }],
    hidesMessage: true,
  },
  'celebrate / `CelebrateError` of `celebrate()`: a missing body key': {
    package: 'celebrate',
    express: (app) => {
      const {
        celebrate,
        Joi: CelebrateJoi,
        Segments,
      } = requireEsmPackage<typeof Celebrate>('celebrate', __dirname);
      const schema = CelebrateJoi.object({
        name: CelebrateJoi.string().required(),
        note: CelebrateJoi.string(),
      });
      app.post('/', problemJson(), celebrate({ [Segments.BODY]: schema }), (_req, res) => {
        res.json({ ok: true });
      });
    },
    requests: () => [postJson({ note: SECRET })],
    hidesMessage: true,
  },
  'Joi / `ValidationError` of `Joi.attempt()`: a string over `max()`': parsingBody(
    'joi',
    (body) => Joi.attempt(body, Joi.object({ name: Joi.string().max(8) })),
    { name: SECRET },
  ),
  'yup / `ValidationError` of `validate()`: a value that cannot be cast to a number': parsingBody(
    'yup',
    (body) => yup.object({ size: yup.number() }).validate(body),
    { size: SECRET },
  ),
  'class-validator / the `ValidationError[]` of `validateOrReject()`: a value outside `@IsIn()`':
    parsingBody(
      'class-validator',
      (body) => validateOrReject(Object.assign(new CreateDataset(), body)),
      { kind: SECRET },
    ),
  'Valibot / `ValiError` of `parse()`: an empty string for `nonEmpty()`': parsingBody(
    'valibot',
    (body) => v.parse(v.object({ name: v.pipe(v.string(), v.nonEmpty()), note: v.string() }), body),
    { name: '', note: SECRET },
  ),
  'TypeBox 0.34 (`@sinclair/typebox`) / `AssertError` of `Value.Parse()`: a missing property':
    parsingBody(
      '@sinclair/typebox',
      (body) => Value.Parse(Type.Object({ name: Type.String(), note: Type.String() }), body),
      { note: SECRET },
    ),
  'TypeBox 1.x (`typebox`) / `ParseError` of `Value.Parse()`: a property not in the schema':
    (() => {
      const { default: Type1 } = requireEsmPackage<typeof TypeBox1>('typebox', __dirname);
      const { default: Value1 } = requireEsmPackage<typeof TypeBox1Value>(
        'typebox/value',
        __dirname,
      );
      const schema = Type1.Object({ name: Type1.String() }, { additionalProperties: false });
      return parsingBody('typebox', (body) => Value1.Parse(schema, body), {
        name: 'a',
        note: SECRET,
      });
    })(),
  'Ajv / `Ajv.ValidationError` of an `$async` schema: a number over `maximum`': (() => {
    const validate = new Ajv().compile({
      $async: true,
      type: 'object',
      properties: { size: { type: 'number', maximum: 10 }, note: { type: 'string' } },
    });
    return parsingBody('ajv', (body) => validate(body), { size: 11, note: SECRET });
  })(),
  'Superstruct / `StructError` of `assert()`: a value of the wrong type': parsingBody(
    'superstruct',
    (body) => assert(body, object({ name: string() })),
    { name: { secret: SECRET } },
  ),
  '@fastify/type-provider-typebox / Fastify’s validation error from `TypeBoxValidatorCompiler` (TypeBox 1): a missing property':
    {
      package: '@fastify/type-provider-typebox',
      fastify: (app) => {
        const { Type, TypeBoxValidatorCompiler } = requireEsmPackage<typeof TypeBoxProvider>(
          '@fastify/type-provider-typebox',
          __dirname,
        );
        app.post(
          '/',
          {
            schema: { body: Type.Object({ name: Type.String(), note: Type.String() }) },
            validatorCompiler:
              TypeBoxValidatorCompiler as unknown as FastifySchemaCompiler<unknown>,
          },
          async () => ({ ok: true }),
        );
      },
      requests: () => [postJson({ note: SECRET })],
      hidesMessage: true,
    },
};
