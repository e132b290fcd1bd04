/**
 * The routes about the API itself: `GET /api/health` (the process answers), `GET /api/ready`
 * (the store answers; 503 with the store's error otherwise), `GET /api/openapi.json` (the
 * OpenAPI 3.1 document built from the use cases' zod schemas) and `GET /api/docs` (an HTML list
 * of the operations).
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app/deps.ts';
import { toBallastError } from '../app/errors.ts';
import { storeReady } from '../app/store-ready.ts';
import { docsPage } from './docs-page.ts';
import { errorBody } from './errors.ts';
import { jsonResponse, mount } from './route.ts';

/** Where the OpenAPI document is served. */
export const OPENAPI_PATH = '/api/openapi.json';

/** The OpenAPI 3.1 document of `app`. */
export function openApiDocument(app: OpenAPIHono, version: string) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Ballast API',
      version,
      description:
        'Leverage-aware portfolio tool. Every route runs a Ballast use case; errors are { code, message, details } with the status of the error registry.',
    },
  });
}

/** Mounts the health, readiness, OpenAPI and docs routes on `app`. */
export function mountMetaRoutes(app: OpenAPIHono, deps: AppDeps, version: string): void {
  mount(
    app,
    {
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      summary: 'The process answers',
      responses: { 200: jsonResponse('{ status: "ok", version }') },
    },
    (c) => c.json({ status: 'ok', version }),
  );
  mount(
    app,
    {
      method: 'get',
      path: '/api/ready',
      tags: ['meta'],
      summary: 'The store answers',
      responses: {
        200: jsonResponse('{ status: "ready", portfolios }'),
        503: jsonResponse('The store error'),
      },
    },
    async (c) => {
      try {
        return c.json(await storeReady(deps));
      } catch (error) {
        return c.json(errorBody(toBallastError(error)), 503);
      }
    },
  );
  // The document and the page describe the API; they are not operations of it.
  app.get(OPENAPI_PATH, (c) => c.json(openApiDocument(app, version)));
  app.get('/api/docs', (c) => c.html(docsPage(openApiDocument(app, version), OPENAPI_PATH)));
}
