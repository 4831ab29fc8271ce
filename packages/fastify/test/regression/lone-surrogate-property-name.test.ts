import { build, versions } from '../helpers';

/*
 * Counter-example: a JSON body naming a property "\ud800" (valid JSON: an escaped lone
 * surrogate) that fails the schema. Ajv reports it in `instancePath` (or `additionalProperty`);
 * core builds the `errors[].pointer` with encodeURIComponent, which throws URIError on a lone
 * surrogate, so a client's mistake became a 500. The adapter now makes those strings
 * well-formed (U+FFFD) before handing them to core.
 */
describe.each(versions)('%s: a property name that is a lone surrogate', (_name, version) => {
  const post = (app: Awaited<ReturnType<typeof build>>, url: string, payload: string) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

  it('failing a type rule: 400 with a well-formed pointer', async () => {
    const app = await build(version, (app) => {
      app.post(
        '/values',
        { schema: { body: { type: 'object', additionalProperties: { type: 'string' } } } },
        async () => ({ ok: true }),
      );
    });
    const response = await post(app, '/values', '{"\\ud800":{}}');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error_code: 'VALIDATION_ERROR',
      errors: [{ detail: "The '\ufffd' field must be of type string.", pointer: '#/%EF%BF%BD' }],
    });
    await app.close();
  });

  it('not allowed by the schema: 422 with a well-formed pointer', async () => {
    const app = await build(
      version,
      (app) => {
        app.post(
          '/closed',
          { schema: { body: { type: 'object', additionalProperties: false } } },
          async () => ({ ok: true }),
        );
      },
      {},
      { ajv: { customOptions: { removeAdditional: false } } },
    );
    const response = await post(app, '/closed', '{"\\ud800":1}');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error_code: 'INVALID_FIELD_VALUE',
      errors: [{ detail: "The '\ufffd' field is not allowed.", pointer: '#/%EF%BF%BD' }],
    });
    await app.close();
  });
});
