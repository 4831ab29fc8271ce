// Compiled by `pnpm typecheck` (tsc), never run: a line that should not compile must not.
import { defineProblems } from '@faultline/core';
import express from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { problemDocs as expressDocs } from '../../src/express-docs';
import { problemDocs as fastifyDocs } from '../../src/fastify-docs';

const { registry } = defineProblems({
  typeBase: 'https://api.example.com/docs/errors',
  codes: { DATASET_ARCHIVED: 409 },
});

const app = express();
app.use(expressDocs(registry, { title: 'Errors', cacheControl: 'no-cache', path: '/errors' }));
express4().use(expressDocs(registry));
expressDocs(registry, { examples: { DATASET_ARCHIVED: { detail: 'Archived.' } } });
// @ts-expect-error: an example is keyed by a code of the registry
expressDocs(registry, { examples: { DATASET_ARHIVED: { detail: 'Archived.' } } });
// @ts-expect-error: the options are checked
expressDocs(registry, { cacheControll: 'no-cache' });

const fastify = Fastify();
fastify.register(fastifyDocs, { registry, title: 'Errors' });
// @ts-expect-error: the plugin needs the registry
fastify.register(fastifyDocs, { title: 'Errors' });
