import type { DefaultErrorCode, Registry } from '@faultline/core';
import { problemDocs } from '@faultline/openapi/express';
import express, { type Express } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { openApiDocument } from './openapi.js';

/** Swagger UI's page, its assets under `/docs/` so that `/docs` and `/docs/` both find them. */
const referencePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Datasets API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-initializer.js"></script>
</body>
</html>
`;

/** Loads `/openapi.json`; `validatorUrl: null` keeps Swagger UI from calling its online validator. */
const initializer = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });
};
`;

/**
 * The three documents, none behind credentials or the rate limit (those are per `/v2` route):
 * `/openapi.json`, the document `openApiDocument` builds once; `/docs`, that document in
 * Swagger UI, its assets served from swagger-ui-dist; and the error page at the path of the
 * registry's type base (`/docs/errors`), which every problem's `type` points to.
 */
export function serveDocumentation(app: Express, registry: Registry<DefaultErrorCode>): void {
  const document = openApiDocument(registry);
  app.use(problemDocs(registry, { title: 'Datasets API errors' }));
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.get('/docs', (_req, res) => {
    res.type('html').send(referencePage);
  });
  app.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('js').send(initializer);
  });
  app.use('/docs', express.static(getAbsoluteFSPath(), { index: false, redirect: false }));
}
