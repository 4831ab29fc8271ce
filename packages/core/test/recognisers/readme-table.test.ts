/**
 * packages/core/README.md, "Errors of validation and upload libraries", row by row: each row's
 * example failure is made with the real library and answered by the normaliser with the row's
 * status and `error_code`, and "versions tested" names the installed release of the library. A
 * row without an example here, or the reverse, fails.
 */
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { join } from 'node:path';
import { normalise } from '@faultline/core';
import { listen, portOf, shutdown } from '@faultline/test-support';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import Ajv from 'ajv';
import type * as Celebrate from 'celebrate';
import { IsIn, validateOrReject } from 'class-validator';
import { param, validationResult } from 'express-validator';
import Joi from 'joi';
import multer from 'multer';
import { assert, object, string } from 'superstruct';
import type * as TypeBox1 from 'typebox';
import type * as TypeBox1Value from 'typebox/value';
import * as v from 'valibot';
import * as yup from 'yup';
import { z } from 'zod';
import { z as z3 } from 'zod3';
import { fragments, tableAfter } from '../../../../scripts/readme-tables';
import { caught, thrownBy } from './answer';
import { loadEsm } from './esm';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const rows = tableAfter(readme, '## Errors of validation and upload libraries');
const key = (row: Readonly<Record<string, string>>) => `${row.library} / ${row['example failure']}`;

/** A multipart request through multer, on a real server: what multer passes to `next`. */
async function throughMulter(field: string, bytes: number, body?: string): Promise<unknown> {
  const middleware = multer({ limits: { fileSize: 8 } }).single('avatar');
  let failure: unknown;
  const server: http.Server = await listen((request, response) => {
    middleware(request as never, response as never, (error?: unknown) => {
      failure = error;
      response.end();
    });
  });
  try {
    const url = `http://127.0.0.1:${portOf(server)}/`;
    if (body === undefined) {
      const form = new FormData();
      form.append(field, new Blob(['x'.repeat(bytes)]), 'a.png');
      await (await fetch(url, { method: 'POST', body: form })).text();
    } else {
      const headers = { 'content-type': 'multipart/form-data; boundary=b' };
      await (await fetch(url, { method: 'POST', body, headers })).text();
    }
  } finally {
    await shutdown(server);
  }
  return failure;
}

/** Each row's example failure, made with the library it names. */
const examples: Readonly<Record<string, () => unknown>> = {
  'zod / a missing field': () => thrownBy(() => z.object({ name: z.string() }).parse({})),
  'zod 3 / a value outside `z.enum()`': () =>
    thrownBy(() => z3.object({ v: z3.enum(['a']) }).parse({ v: 'b' })),
  'express-validator / a path parameter that fails `isInt()`': async () => {
    const request = { params: { id: 'x' } };
    await param('id').isInt().run(request);
    return caught(() => validationResult(request).throw());
  },
  'celebrate / a missing body key': () => {
    const { celebrate, Joi: CelebrateJoi, Segments } = loadEsm<typeof Celebrate>('celebrate');
    const middleware = celebrate({
      [Segments.BODY]: CelebrateJoi.object({ name: CelebrateJoi.required() }),
    });
    return new Promise((resolve) => {
      void middleware({ method: 'POST', body: {} } as never, {} as never, resolve);
    });
  },
  'Joi / a string over `max()`': () => thrownBy(() => Joi.assert('abc', Joi.string().max(2))),
  'yup / a value that cannot be cast to a number': () =>
    caught(() => yup.object({ n: yup.number() }).validate({ n: 'x' })),
  'class-validator / a value outside `@IsIn()`': () => {
    class Dto {
      kind = 'c';
    }
    IsIn(['a', 'b'])(Dto.prototype, 'kind');
    return caught(() => validateOrReject(new Dto()));
  },
  'Valibot / an empty string for `nonEmpty()`': () =>
    thrownBy(() => v.parse(v.object({ name: v.pipe(v.string(), v.nonEmpty()) }), { name: '' })),
  'TypeBox 0.34 (`@sinclair/typebox`) / a missing property': () =>
    thrownBy(() => Value.Assert(Type.Object({ name: Type.String() }), {})),
  'TypeBox 1.x (`typebox`) / a property not in the schema': () => {
    const { default: Type1 } = loadEsm<typeof TypeBox1>('typebox');
    const { default: Value1 } = loadEsm<typeof TypeBox1Value>('typebox/value');
    const schema = Type1.Object({}, { additionalProperties: false });
    return thrownBy(() => Value1.Parse(schema, { extra: 1 }));
  },
  'Ajv / a number over `maximum`': () =>
    caught(() => new Ajv().compile({ $async: true, type: 'number', maximum: 1 })(2)),
  'Superstruct / a value of the wrong type': () =>
    thrownBy(() => assert({ name: 1 }, object({ name: string() }))),
  'multer / a file over `limits.fileSize`': () => throughMulter('avatar', 64),
  'multer / a file in a field the route does not take': () => throughMulter('document', 1),
  'busboy, under multer / a body that ends before its closing boundary': () =>
    throughMulter('', 0, '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'),
};

/** The packages each row's "versions tested" names, by the row's library. */
const packages: Readonly<Record<string, string>> = {
  zod: 'zod',
  'zod 3': 'zod3',
  'express-validator': 'express-validator',
  celebrate: 'celebrate',
  Joi: 'joi',
  yup: 'yup',
  'class-validator': 'class-validator',
  Valibot: 'valibot',
  'TypeBox 0.34 (`@sinclair/typebox`)': '@sinclair/typebox',
  'TypeBox 1.x (`typebox`)': 'typebox',
  Ajv: 'ajv',
  Superstruct: 'superstruct',
  multer: 'multer',
  'busboy, under multer': 'busboy',
};

function installedVersion(name: string): string {
  const manifest = join(__dirname, '..', '..', 'node_modules', name, 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return version.split('.').slice(0, 2).join('.');
}

it('has a row for every example here, and an example for every row', () => {
  expect(rows.map(key).sort()).toEqual(Object.keys(examples).sort());
});

it.each(rows.map((row) => [key(row), row] as const))('%s', async (name, row) => {
  const { status, body } = normalise(await examples[name]?.());
  expect({ status, error_code: body.error_code }).toEqual({
    status: Number(row.status),
    error_code: fragments(row.error_code ?? '')[0],
  });
  const library = row.library ?? '';
  expect(row['versions tested']).toBe(installedVersion(packages[library] ?? library));
});
