import multipart from '@fastify/multipart';
import multer from 'multer';
import { postForm, type Scenario, SECRET } from '../support/scenario';

/** The client's own file name: not the server's to repeat. */
const FILE_NAME = `${SECRET}.png`;
const FILE_SIZE_LIMIT = 16;

function form(field: string, bytes: number): FormData {
  const data = new FormData();
  data.append(field, new Blob(['x'.repeat(bytes)]), FILE_NAME);
  return data;
}

/** multer on `POST /`, taking one file in `avatar` of at most 16 bytes. */
function throughMulter(requests: Scenario['requests'], packageName = 'multer'): Scenario {
  return {
    package: packageName,
    express: (app) => {
      const upload = multer({
        storage: multer.memoryStorage(),
        limits: { fileSize: FILE_SIZE_LIMIT },
      });
      app.post('/', upload.single('avatar'), (_req, res) => {
        res.status(201).json({ ok: true });
      });
    },
    requests,
    hidesMessage: true,
  };
}

export const uploadScenarios: Readonly<Record<string, Scenario>> = {
  'multer / `MulterError` `LIMIT_FILE_SIZE`: a file over `limits.fileSize`': throughMulter(
    async () => [await postForm(form('avatar', 4 * FILE_SIZE_LIMIT))],
  ),
  'multer / `MulterError` `LIMIT_UNEXPECTED_FILE`: a file in a field the route does not take':
    throughMulter(async () => [await postForm(form('document', 1))]),
  'busboy, under multer / its error for a form that ends before its closing boundary':
    throughMulter(
      () => [
        {
          method: 'POST',
          path: '/',
          headers: { 'content-type': 'multipart/form-data; boundary=b' },
          body: `--b\r\nContent-Disposition: form-data; name="note"\r\n\r\n${SECRET}`,
        },
      ],
      'busboy',
    ),
  '@fastify/multipart / `FST_REQ_FILE_TOO_LARGE`, a 413 of its own: a file over `limits.fileSize`':
    {
      package: '@fastify/multipart',
      fastify5Only: true,
      fastify: async (app) => {
        await app.register(multipart, { limits: { fileSize: FILE_SIZE_LIMIT } });
        app.post('/', async (request, reply) => {
          await (await request.file())?.toBuffer();
          reply.code(201);
          return { ok: true };
        });
      },
      requests: async () => [await postForm(form('avatar', 4 * FILE_SIZE_LIMIT))],
      hidesMessage: false,
    },
};
