import { describeJsonParseError } from '@faultline/core/adapter';
import {
  assertProblemResponse,
  exchange,
  httpRequest,
  onlyResponse,
  openConnections,
  portOf,
  shutdown,
  watchProcessFailures,
} from '@faultline/test-support';
import fc from 'fast-check';
import { frameworks } from '../helpers/frameworks';
import { expectProblemAnswer, problems } from './support/answers';
import { type HostileServer, startHostileServer } from './support/hostile-app';

/** What body-parser (strict) and this package answer for a JSON body, decided independently. */
function expectedForJson(bytes: Buffer): { status: 201 } | { status: 400; detail: string } {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^[\t\n\r ]*$/.test(text)) {
    return { status: 400, detail: 'JSON parse error: the request body is empty.' };
  }
  try {
    JSON.parse(text);
  } catch {
    return { status: 400, detail: describeJsonParseError(text) };
  }
  return /^[\t\n\r ]*[[{]/.test(text)
    ? { status: 201 }
    : { status: 400, detail: 'JSON parse error: the body must be a JSON object or array.' };
}

const failures = watchProcessFailures();
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

describe.each(frameworks)('hostile request bodies, on $name', (framework) => {
  let hostile: HostileServer;

  beforeAll(async () => {
    hostile = await startHostileServer(framework);
  });
  afterAll(async () => {
    await shutdown(hostile.server);
  });
  afterEach(async () => {
    expect(failures).toEqual([]);
    expect(hostile.socketErrors).toEqual([]);
    expect(await openConnections(hostile.server)).toBe(0);
  });

  const post = (
    path: string,
    body: string | Buffer,
    headers: Record<string, string | number> = {},
  ) =>
    exchange(
      portOf(hostile.server),
      httpRequest(
        'POST',
        path,
        {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...headers,
        },
        body,
      ),
    );

  async function expectJsonOutcome(bytes: Buffer): Promise<void> {
    const answer = await post('/accept', bytes);
    const expected = expectedForJson(bytes);
    if (expected.status === 201) {
      expect(onlyResponse(answer).status).toBe(201);
    } else {
      expectProblemAnswer(answer, 400, problems.badRequest(expected.detail, '/accept'));
    }
  }

  it.each([
    '{',
    '}',
    '[',
    ']',
    '{"a":}',
    '{"a" 1}',
    '[1,]',
    '{,}',
    "{'a':1}",
    '{"a":1}}',
    '{"a":1} trailing',
    'nul',
    '"unterminated',
    '{"a":"\u0001"}',
    '{"a":01}',
    '{"a":1e}',
    '{"a":-}',
    '{"a":NaN}',
    '{"a":Infinity}',
    '[1 2]',
    '{"a":[}',
    '/* comment */ {}',
    '{"a":"\\x"}',
    '{"a":"\\u12"}',
    '   ',
    '"a private string"',
    '42',
    'null',
    '\uFEFF{"bom":true}',
    '\u00a0{}',
    '{"a":1,"a":2}',
  ])(
    'malformed or odd JSON %j: a 400 problem naming only a position, or the parsed body',
    async (body) => {
      await expectJsonOutcome(Buffer.from(body, 'utf8'));
    },
  );

  it('answers any body text, and any JSON document cut or spliced anywhere, with 201 or the exact 400 problem', async () => {
    const spliced = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.string({ unit: 'binary-ascii', maxLength: 3 }))
      .map(([json, at, insert]) => {
        const cut = at % (json.length + 1);
        return `${json.slice(0, cut)}${insert}${json.slice(cut, cut + (at % 3 === 0 ? 0 : json.length))}`;
      });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), spliced),
        async (body) => {
          await expectJsonOutcome(Buffer.from(body, 'utf8'));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('answers JSON nested 100 000 levels deep, unterminated, with the 400 problem', async () => {
    const body = '['.repeat(100_000);
    expectProblemAnswer(
      await post('/accept', body),
      400,
      problems.badRequest(
        'JSON parse error: unexpected end of input at position 100000.',
        '/accept',
      ),
    );
    const objects = '{"a":'.repeat(20_000);
    expectProblemAnswer(
      await post('/accept', objects),
      400,
      problems.badRequest(describeJsonParseError(objects), '/accept'),
    );
  });

  it('parses balanced JSON 50 000 levels deep, and answers a handler that cannot serialise it with a 500', async () => {
    const body = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const accepted = onlyResponse(await post('/accept', body));
    expect(accepted.status).toBe(201);
    expect(accepted.body).toBe('{"kind":"array"}');
    // JSON.stringify overflows in the handler: the application's failure, still a clean 500.
    expectProblemAnswer(await post('/echo', body), 500, problems.unexpected('/echo'));
  });

  it('reads invalid UTF-8 as U+FFFD: inside a string the body parses, outside it is a 400 at its position', async () => {
    const inString = Buffer.concat([
      Buffer.from('{"a":"'),
      Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    const echoed = onlyResponse(await post('/echo', inString));
    expect(echoed.status).toBe(201);
    expect(JSON.parse(echoed.body)).toEqual(JSON.parse(inString.toString('utf8')));
    expect(JSON.parse(echoed.body).a).toMatch(/^\uFFFD+$/);

    const outside = Buffer.concat([Buffer.from('{'), Buffer.from([0xff]), Buffer.from(':1}')]);
    expectProblemAnswer(
      await post('/accept', outside),
      400,
      problems.badRequest(describeJsonParseError('{\uFFFD:1}'), '/accept'),
    );
  });

  it('leaves Object.prototype alone whatever __proto__ and constructor.prototype payloads say', async () => {
    const payloads = [
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"__proto__":{"__proto__":{"polluted":"yes"}},"a":{"constructor":{"prototype":{"polluted":"yes"}}}}',
      '[{"__proto__":{"polluted":"yes"}}]',
      '{"status":400,"expose":true,"message":"x","headers":{"__proto__":{"polluted":"yes"}}}',
      '{"__proto__":{"status":404,"polluted":"yes"}}',
    ];
    for (const payload of payloads) {
      const echoed = onlyResponse(await post('/echo', payload));
      expect(echoed.status).toBe(201);
      // JSON.parse makes `__proto__` an own key: it comes back as data, never as a prototype.
      expect(JSON.parse(echoed.body)).toEqual(JSON.parse(payload));
      expect(onlyResponse(await post('/fields', payload)).status).toBe(422);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    }
  });

  it('cuts a detail built from a megabytes-long input to 1024 characters', async () => {
    const field = 'x'.repeat(3 * 1024 * 1024);
    const response = expectProblemAnswer(await post('/fields', JSON.stringify({ field })), 422, {
      status: 422,
      title: 'Unprocessable Content',
      type: 'about:blank',
      detail: `Unknown field '${'x'.repeat(1023 - "Unknown field '".length)}…`,
      instance: '/fields',
      error_code: 'INVALID_FIELD_VALUE',
    });
    expect(Buffer.byteLength(response.body)).toBeLessThan(2048);
  });

  it('answers a 12 MB unterminated string (under a 32 MB limit) with a 400, not a 500', async () => {
    const body = `{"a":"${'a'.repeat(12 * 1024 * 1024)}`;
    const response = onlyResponse(await post('/large', body));
    expect(response.status).toBe(400);
    const problem = assertProblemResponse(response);
    expect(problem.error_code).toBe('VALIDATION_ERROR');
    expect(String(problem.detail)).toMatch(/^JSON parse error: /);
  }, 120_000);

  it('answers a body announced far over the limit with 413 before the client has sent it', async () => {
    const announced = 50 * 1024 * 1024;
    const answer = await exchange(portOf(hostile.server), [
      httpRequest('POST', '/accept', {
        'Content-Type': 'application/json',
        'Content-Length': announced,
      }),
      Buffer.alloc(64 * 1024, 0x20),
      // …and nothing more: the client waits for the answer with 49.9 MB unsent.
    ]);
    expect(answer.responses).toHaveLength(1);
    const [response] = answer.responses;
    expect(response?.status).toBe(413);
    expect(assertProblemResponse(response!)).toEqual(
      problems.tooLarge('The request body is larger than the limit of 102400 bytes.', '/accept'),
    );
    // Then the server closes; bytes still in flight may turn the close into a reset.
    expect(['closed', 'reset']).toContain(answer.ending);
  });

  it('answers a chunked body over the limit with 413 once the client has sent it (body-parser drains it first: a documented limitation)', async () => {
    const chunk = `${(16 * 1024).toString(16)}\r\n${' '.repeat(16 * 1024)}\r\n`;
    const answer = await exchange(portOf(hostile.server), [
      httpRequest('POST', '/accept', {
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      }),
      chunk.repeat(10),
      '0\r\n\r\n',
    ]);
    expectProblemAnswer(
      answer,
      413,
      problems.tooLarge('The request body is larger than the limit of 102400 bytes.', '/accept'),
    );
  });

  it('lets the client control the whole thrown value (a handler that passes req.body to next) and still answers a valid problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'status',
            'statusCode',
            'expose',
            'message',
            'headers',
            'code',
            'type',
            'isBoom',
            'output',
            'body',
            'limit',
            '__proto__',
            'constructor',
          ),
          fc.oneof(fc.integer({ min: 398, max: 601 }), fc.jsonValue({ maxDepth: 2 })),
        ),
        async (thrown) => {
          assertProblemResponse(onlyResponse(await post('/reflect', JSON.stringify(thrown))));
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  }, 120_000);
});
