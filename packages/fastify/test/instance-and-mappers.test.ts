import { ProblemError } from '@faultline/core';
import { appUnderTest, crash, denied, deny, expected, problems, versions } from './helpers';

describe.each(versions)('%s: instance and mappers', (_name, version) => {
  const { answer, build, current } = appUnderTest(version);

  it("applies the application's mappers first, before Fastify's errors are translated", async () => {
    class NameTaken extends Error {}
    const seen: unknown[] = [];
    const response = await answer(
      (app) =>
        app.post('/x', async () => {
          throw new NameTaken('taken');
        }),
      { method: 'POST', payload: '{}' },
      {
        mappers: [
          (error: unknown) => {
            seen.push((error as { code?: unknown }).code);
            return error instanceof NameTaken
              ? new problems.ProblemError('RESOURCE_ALREADY_EXISTS', {
                  detail: "A dataset named 'x' already exists in this space.",
                })
              : undefined;
          },
        ],
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual(
      expected(409, 'resource-conflict', 'Conflict', {
        detail: "A dataset named 'x' already exists in this space.",
        error_code: 'RESOURCE_ALREADY_EXISTS',
      }),
    );

    const unparsed = await current().inject({
      method: 'POST',
      url: '/x',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(unparsed.statusCode).toBe(415);
    // The mapper saw Fastify's own error, code and all.
    expect(seen).toEqual([undefined, 'FST_ERR_CTP_INVALID_MEDIA_TYPE']);
  });

  it('answers 500 when a mapper throws', async () => {
    const response = await answer(
      (app) =>
        app.get('/x', async () => {
          throw deny();
        }),
      {},
      {
        mappers: [
          () => {
            throw new Error('mapper bug');
          },
        ],
      },
    );
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual(crash);
  });

  it('sets instance to the request path (without the query) when asked', async () => {
    const response = await answer(
      (app) =>
        app.get('/datasets/:id', async () => {
          throw deny();
        }),
      { url: '/datasets/7?token=secret' },
      { instance: true },
    );
    expect(response.json()).toEqual({ ...denied, instance: '/datasets/7' });
  });

  it('sets instance from a function of the request, unless the error names its own', async () => {
    const app = await build(
      (app) => {
        app.get('/x', async () => {
          throw deny();
        });
        app.get('/own', async () => {
          throw new ProblemError('ACCESS_DENIED', { instance: '/audit/42' });
        });
      },
      { instance: (request) => `urn:request:${request.id}` },
    );
    const response = await app.inject({ url: '/x' });
    expect(response.json()).toEqual({ ...denied, instance: 'urn:request:req-1' });
    const own = await app.inject({ url: '/own' });
    expect(own.json()).toMatchObject({ instance: '/audit/42' });
  });
});
