import { ProblemError } from '@faultline/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appUnderTest, crash, denied, deny, expected, PROBLEM_TYPE, versions } from './helpers';

describe.each(versions)('%s: thrown errors', (_name, version) => {
  const { answer, close } = appUnderTest(version);

  it('answers a domain error thrown by an async handler with its problem', async () => {
    const response = await answer((app) =>
      app.get('/x', async () => {
        throw deny();
      }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.json()).toEqual(denied);
  });

  it('answers a domain error thrown by a sync handler', async () => {
    const response = await answer((app) =>
      app.get('/x', () => {
        throw deny();
      }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(denied);
  });

  it('answers an error passed to reply.send()', async () => {
    const response = await answer((app) =>
      app.get('/x', (_request, reply) => {
        reply.send(deny());
      }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(denied);
  });

  it('answers an Error returned (not thrown) by an async handler as a 500', async () => {
    const response = await answer((app) => app.get('/x', async () => new Error('db password')));
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual(crash);
  });

  it('never shows the message of an unexpected error', async () => {
    const response = await answer((app) =>
      app.get('/x', async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
      }),
    );
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.json()).toEqual(crash);
  });

  it('keeps the detail and Retry-After a 5xx problem chose itself', async () => {
    const response = await answer((app) =>
      app.get('/x', async () => {
        throw new ProblemError('SERVICE_UNAVAILABLE', {
          detail: 'Down for maintenance.',
          retryAfter: 120,
        });
      }),
    );
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('120');
    expect(response.json()).toEqual(
      expected(503, 'service-unavailable', 'Service Unavailable', {
        detail: 'Down for maintenance.',
      }),
    );
  });

  type Hook =
    | 'onRequest'
    | 'preParsing'
    | 'preValidation'
    | 'preHandler'
    | 'preSerialization'
    | 'onSend';

  const hooks: Hook[] = [
    'onRequest',
    'preParsing',
    'preValidation',
    'preHandler',
    'preSerialization',
    'onSend',
  ];

  it.each(hooks)('answers a domain error thrown by an async %s hook', async (hook) => {
    const response = await answer(
      (app) => {
        app.addHook(hook, async (_request: FastifyRequest, reply: FastifyReply) => {
          // onSend runs for the problem response too: fail only the success.
          if (hook === 'onSend' && reply.getHeader('content-type') === PROBLEM_TYPE) return;
          throw deny();
        });
        app.post('/x', async () => ({ ok: true }));
      },
      { method: 'POST', payload: '{}' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.json()).toEqual(denied);
  });

  it.each(['onRequest', 'preValidation', 'preHandler'] as const)(
    'answers an error a callback-style %s hook passes to done()',
    async (hook) => {
      const response = await answer((app) => {
        const failing = (
          _request: FastifyRequest,
          _reply: FastifyReply,
          done: (error?: Error) => void,
        ) => done(deny());
        if (hook === 'onRequest') app.addHook('onRequest', failing);
        else if (hook === 'preValidation') app.addHook('preValidation', failing);
        else app.addHook('preHandler', failing);
        app.get('/x', async () => ({ ok: true }));
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual(denied);
    },
  );

  it('answers a hook in an encapsulated child plugin (one registration covers the app)', async () => {
    const response = await answer(
      (app) => {
        app.register(
          async (child) => {
            child.addHook('onRequest', async () => {
              throw deny();
            });
            child.get('/x', async () => ({ ok: true }));
          },
          { prefix: '/child' },
        );
      },
      { url: '/child/x' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(denied);
  });

  it.each([
    ['a string', 'db password'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object without a status', { message: 'db password' }],
  ])('answers %s thrown by a handler with a 500 problem', async (_what, value) => {
    const response = await answer((app) =>
      app.get('/x', async () => {
        throw value;
      }),
    );
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE);
    expect(response.json()).toEqual(crash);
  });

  it('answers null thrown by an async hook with a 500 problem', async () => {
    const response = await answer((app) => {
      app.addHook('preHandler', async () => {
        throw null;
      });
      app.get('/x', async () => ({ ok: true }));
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual(crash);
  });

  it('answers a string a hook passes to done() with a 500 problem, not the string', async () => {
    const response = await answer((app) => {
      app.addHook('onRequest', (_request, _reply, done) => done('db password' as unknown as Error));
      app.get('/x', async () => ({ ok: true }));
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('db password');
    expect(response.json()).toEqual(crash);
  });

  it('honours a 4xx statusCode on a thrown plain object', async () => {
    const response = await answer((app) =>
      app.get('/x', async () => {
        throw { statusCode: 418, message: 'short and stout' };
      }),
    );
    expect(response.statusCode).toBe(418);
    expect(response.json()).toEqual({
      status: 418,
      title: "I'm a teapot",
      type: 'about:blank',
      error_code: 'IM_A_TEAPOT',
    });
  });

  it('clamps a statusCode outside 400-599 to 500', async () => {
    const response = await answer((app) =>
      app.get('/x', async () => {
        throw Object.assign(new Error('odd'), { statusCode: 600 });
      }),
    );
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual(crash);
  });

  it("uses the reply's 4xx status for an error without one (reply.code(400).send(err))", async () => {
    const response = await answer((app) =>
      app.get('/x', (_request, reply) => {
        reply.code(400).send(new Error('internal words'));
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(
      expected(400, 'invalid-request', 'Bad Request', { error_code: 'VALIDATION_ERROR' }),
    );
  });

  it('ignores a success status set before the error', async () => {
    const response = await answer((app) =>
      app.get('/x', async (_request, reply) => {
        reply.code(201);
        throw new Error('after the status');
      }),
    );
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual(crash);
  });

  it('puts the original stack in the body only with exposeStack', async () => {
    const thrower = (app: FastifyInstance) =>
      app.get('/x', async () => {
        throw new Error('with a stack');
      });
    const hidden = await answer(thrower);
    expect(hidden.json()).not.toHaveProperty('stack');
    await close();

    const shown = await answer(thrower, {}, { exposeStack: true });
    const body = shown.json() as { stack?: string };
    expect(body.stack).toMatch(/^Error: with a stack\n\s+at /);
    expect(shown.json()).toEqual({ ...crash, stack: body.stack });
  });
});
