import type http from 'node:http';
import { normalise } from '@faultline/core';
import { listen, portOf, shutdown } from '@faultline/test-support';
import multer from 'multer';

/**
 * multer (and busboy under it) on a real HTTP server, fed real multipart requests: what it passes
 * to `next` is answered by the normaliser.
 */

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: 16, files: 2, fields: 2, fieldSize: 8 },
});
const middleware = upload.fields([
  { name: 'avatar', maxCount: 1 },
  { name: 'photos', maxCount: 2 },
]);

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = await listen((request, response) => {
    middleware(request as never, response as never, (error?: unknown) => {
      const { status, headers, body } = normalise(error ?? new Error('no failure'));
      response.writeHead(status, headers).end(JSON.stringify(body));
    });
  });
  base = `http://127.0.0.1:${portOf(server)}`;
});

afterAll(() => shutdown(server));

async function post(body: FormData | string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/upload`, { method: 'POST', body, headers });
  const problem = (await response.json()) as Record<string, unknown>;
  expect(JSON.stringify(problem)).not.toContain('secret-name.png');
  return {
    status: response.status,
    code: problem.error_code,
    detail: problem.detail,
    errors: problem.errors,
  };
}

function form(entries: readonly [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, 'secret-name.png');
  }
  return data;
}

const small = new Blob(['12345678']);
const large = new Blob(['x'.repeat(64)]);

describe('multer: MulterError', () => {
  it('LIMIT_FILE_SIZE → 413 PAYLOAD_TOO_LARGE', async () => {
    expect(await post(form([['avatar', large]]))).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'An uploaded file is larger than the server accepts.',
      errors: undefined,
    });
  });

  it('LIMIT_FILE_COUNT → 413', async () => {
    const result = await post(
      form([
        ['photos', small],
        ['photos', small],
        ['avatar', small],
      ]),
    );
    expect(result).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'The upload has more files than the server accepts.',
    });
  });

  it('LIMIT_FIELD_COUNT and LIMIT_FIELD_VALUE → 413', async () => {
    expect(
      await post(
        form([
          ['a', '1'],
          ['b', '2'],
          ['c', '3'],
        ]),
      ),
    ).toMatchObject({
      status: 413,
      detail: 'The upload has more fields than the server accepts.',
    });
    expect(await post(form([['a', '123456789012']]))).toMatchObject({
      status: 413,
      detail: 'A field value of the upload is longer than the server accepts.',
    });
  });

  it('LIMIT_UNEXPECTED_FILE → 400 VALIDATION_ERROR pointing at the field', async () => {
    expect(await post(form([['document', small]]))).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: 'The upload has a file in a field that takes no more files.',
      errors: [
        {
          detail: 'The upload has a file in a field that takes no more files.',
          pointer: '#/document',
        },
      ],
    });
  });

  it('more files in a field than its maxCount is LIMIT_UNEXPECTED_FILE too', async () => {
    expect(
      await post(
        form([
          ['avatar', small],
          ['avatar', small],
        ]),
      ),
    ).toMatchObject({
      status: 400,
      errors: [{ pointer: '#/avatar' }],
    });
  });

  it('a MulterError of a code it does not know stays a 500', () => {
    const error = new multer.MulterError('LIMIT_FILE_SIZE');
    (error as { code: string }).code = 'STREAM_DESTROYED';
    expect(normalise(error).status).toBe(500);
  });
});

describe('busboy, under multer: a form body it cannot read', () => {
  it('a body that ends before its closing boundary → 400', async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue';
    expect(await post(body, { 'content-type': 'multipart/form-data; boundary=b' })).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: 'The multipart body ends before its closing boundary.',
      errors: undefined,
    });
  });

  it('a multipart Content-Type without a boundary → 400', async () => {
    expect(await post('x', { 'content-type': 'multipart/form-data' })).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: 'The multipart Content-Type has no boundary parameter.',
    });
  });

  it('a part with a malformed header → 400', async () => {
    const body = `--b\r\n${'x'.repeat(20)}\r\n\r\nvalue\r\n--b--\r\n`;
    expect(await post(body, { 'content-type': 'multipart/form-data; boundary=b' })).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      detail: 'A part of the multipart body has a malformed header.',
    });
  });

  it('the same messages from an Error subclass, or with a code, are not busboy’s', () => {
    class Other extends Error {}
    expect(normalise(new Other('Unexpected end of form')).status).toBe(500);
    expect(
      normalise(Object.assign(new Error('Unexpected end of form'), { code: 'X' })).status,
    ).toBe(500);
  });
});
