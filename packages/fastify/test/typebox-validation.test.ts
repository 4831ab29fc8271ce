import type * as TypeBoxProvider6 from '@fastify/type-provider-typebox';
import { requireEsmPackage } from '@faultline/test-support';
import type { FastifySchemaCompiler } from 'fastify';
import * as typebox034 from 'typebox-provider5';
import { appUnderTest, expected, versions } from './helpers';
import { overHttp } from './over-http';

// Version 6 and TypeBox 1 ship ES modules only.
const typebox1 = requireEsmPackage<typeof TypeBoxProvider6>(
  '@fastify/type-provider-typebox',
  __dirname,
);

/** The schema of the tests, built with the `Type` of each TypeBox generation. */
function schemaOf(Type: typeof typebox1.Type | typeof typebox034.Type) {
  return (Type as typeof typebox1.Type).Object({
    name: (Type as typeof typebox1.Type).String({ minLength: 1 }),
    kind: (Type as typeof typebox1.Type).Optional(
      (Type as typeof typebox1.Type).Union([
        (Type as typeof typebox1.Type).Literal('a'),
        (Type as typeof typebox1.Type).Literal('b'),
      ]),
    ),
  });
}

const providers = [
  {
    name: 'TypeBox 1 (@fastify/type-provider-typebox 6)',
    compiler: typebox1.TypeBoxValidatorCompiler,
    schema: schemaOf(typebox1.Type),
  },
  {
    name: 'TypeBox 0.34 (@fastify/type-provider-typebox 5)',
    compiler: typebox034.TypeBoxValidatorCompiler,
    schema: schemaOf(typebox034.Type as unknown as typeof typebox1.Type),
  },
] as const;

const missingName = expected(422, 'validation-error', 'Unprocessable Entity', {
  detail: "The 'name' field is required.",
  error_code: 'MISSING_REQUIRED_FIELD',
  errors: [{ detail: "The 'name' field is required.", pointer: '#/name' }],
});

describe.each(versions)('%s: TypeBoxValidatorCompiler', (_name, version) => {
  const { build } = appUnderTest(version);

  describe.each(providers)('$name', ({ compiler, schema }) => {
    async function app() {
      const instance = await build((fastify) => {
        fastify.post(
          '/datasets',
          {
            schema: { body: schema },
            validatorCompiler: compiler as unknown as FastifySchemaCompiler<unknown>,
          },
          async (request) => request.body,
        );
      });
      const send = await overHttp(instance);
      return (body: unknown) =>
        send('/datasets', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
    }

    it('accepts a valid body', async () => {
      expect((await (await app())({ name: 'trees' })).status).toBe(200);
    });

    it("points a missing property at the property: '#/name', MISSING_REQUIRED_FIELD", async () => {
      const response = await (await app())({ kind: 'a' });
      expect(response.status).toBe(422);
      expect(response.json()).toEqual(missingName);
    });

    it('names a bad value by its pointer, without echoing it', async () => {
      const response = await (await app())({ name: 'trees', kind: 'secret-kind' });
      expect(response.status).toBe(422);
      const body = response.json() as { error_code: string; errors: { pointer: string }[] };
      expect(body.errors.map((entry) => entry.pointer)).toContain('#/kind');
      expect(body.error_code).not.toBe('MISSING_REQUIRED_FIELD');
      expect(response.text).not.toContain('secret-kind');
    });
  });
});
