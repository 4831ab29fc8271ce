import {
  ensureOk,
  isProblemResponseError,
  ProblemResponseError,
  readText,
} from '@faultline/client';
import { closeAll, type ExampleServer, startExampleServers } from './support/example-servers';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server';

let servers: ExampleServer[];
let scripted: ScriptedServer;
beforeAll(async () => {
  [servers, scripted] = await Promise.all([startExampleServers(), startScriptedServer()]);
});
afterAll(() => Promise.all([closeAll(servers), scripted.close()]));

const admin = { authorization: 'Bearer demo-admin-key' };

/** What `call` rejected with. */
function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('it resolved');
    },
    (error: unknown) => error,
  );
}

describe('ensureOk', () => {
  it('returns a 2xx response as it is, its body unread', async () => {
    for (const { url } of servers) {
      const response = await fetch(`${url}/v2/datasets`, { headers: admin });
      expect(await ensureOk(response)).toBe(response);
      expect(response.bodyUsed).toBe(false);
    }
  });

  it('throws a ProblemResponseError with the problem and the response', async () => {
    for (const { url } of servers) {
      const response = await fetch(`${url}/v2/datasets/ZGF0YXNldC10ZXN0`, { headers: admin });
      const error = await rejectionOf(ensureOk(response));
      expect(error).toBeInstanceOf(ProblemResponseError);
      expect(error).toBeInstanceOf(Error);
      const thrown = error as ProblemResponseError;
      expect(thrown.name).toBe('ProblemResponseError');
      expect(thrown.response).toBe(response);
      expect(thrown.status).toBe(404);
      expect(thrown.problem).toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND' });
      expect(thrown.message).toBe(
        "404 RESOURCE_NOT_FOUND: Dataset with ID 'ZGF0YXNldC10ZXN0' was not found.",
      );
      expect(JSON.parse(await readText(response))).toMatchObject({ status: 404 });
    }
  });

  it('says the detail of a 5xx, which has no code', async () => {
    for (const { url } of servers) {
      const response = await fetch(`${url}/v2/_demo/crash`, { headers: admin });
      const error = (await rejectionOf(ensureOk(response))) as ProblemResponseError;
      expect(error.message).toBe('500: An unexpected error occurred.');
    }
  });

  it('says the title when the problem has no detail', async () => {
    scripted.answer({
      status: 502,
      headers: { 'content-type': 'application/problem+json' },
      body: '{"status":502,"title":"Bad Gateway","type":"https://api.test/errors#bad-gateway"}',
    });
    const error = (await rejectionOf(
      ensureOk(await fetch(`${scripted.url}/`)),
    )) as ProblemResponseError;
    expect(error.message).toBe('502: Bad Gateway');
    expect(error.problem.type).toBe('https://api.test/errors#bad-gateway');
  });

  it('builds the problem from the status when the body is not one', async () => {
    scripted.answer({
      status: 503,
      headers: { 'content-type': 'text/html', 'retry-after': '30' },
      body: '<h1>Service Unavailable</h1>',
    });
    const response = await fetch(`${scripted.url}/`);
    const error = (await rejectionOf(ensureOk(response))) as ProblemResponseError;
    expect(error.problem).toEqual({
      status: 503,
      title: 'Service Unavailable',
      type: 'about:blank',
      detail: undefined,
      instance: undefined,
      code: undefined,
      errors: [],
      retryAfter: 30,
      extensions: {},
    });
    expect(error.message).toBe('503: Service Unavailable');
    expect(await readText(response)).toBe('<h1>Service Unavailable</h1>');
  });

  it('names no title when the status text is empty', async () => {
    const error = (await rejectionOf(
      ensureOk(new Response('', { status: 500 })),
    )) as ProblemResponseError;
    expect(error.problem.title).toBeUndefined();
    expect(error.message).toBe('500: HTTP error');
  });

  it('throws for a 3xx too: only 2xx is a success', async () => {
    const error = await rejectionOf(ensureOk(new Response(null, { status: 304 })));
    expect(isProblemResponseError(error)).toBe(true);
  });
});

describe('isProblemResponseError', () => {
  it('recognises an error from another copy of the package, and nothing else', () => {
    let OtherCopy: typeof ProblemResponseError | undefined;
    jest.isolateModules(() => {
      OtherCopy = (
        require('../src/problem-response-error') as typeof import('../src/problem-response-error')
      ).ProblemResponseError;
    });
    expect(OtherCopy).toBeDefined();
    expect(OtherCopy).not.toBe(ProblemResponseError);
    const problem = {
      status: 400,
      title: undefined,
      type: 'about:blank',
      detail: undefined,
      instance: undefined,
      code: undefined,
      errors: [],
      retryAfter: undefined,
      extensions: {},
    };
    const foreign = new OtherCopy!(problem, new Response(''));
    expect(foreign instanceof ProblemResponseError).toBe(false);
    expect(isProblemResponseError(foreign)).toBe(true);
    for (const value of [
      new Error('x'),
      { problem, response: {} },
      null,
      undefined,
      'error',
      404,
    ]) {
      expect(isProblemResponseError(value)).toBe(false);
    }
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('underneath');
    const error = new ProblemResponseError(
      {
        status: 500,
        title: 'Internal Server Error',
        type: 'about:blank',
        detail: undefined,
        instance: undefined,
        code: undefined,
        errors: [],
        retryAfter: undefined,
        extensions: {},
      },
      new Response(''),
      { cause },
    );
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('500: Internal Server Error');
  });
});
