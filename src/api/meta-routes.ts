/**
 * The routes about the API itself: `GET /api/health` (the process answers), `GET /api/ready`
 * (the store answers; 503 with the store's error otherwise), `GET /api/openapi.json` (the
 * OpenAPI 3.1 document built from the use cases' zod schemas) and `GET /api/docs` (an HTML list
 * of the operations). They are open even when `/api/v1` requires keys.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app/deps.ts';
import { toBallastError } from '../app/errors.ts';
import { storeReady } from '../app/store-ready.ts';
import { BEARER_SCHEME, type AuthMode } from './auth.ts';
import { docsPage } from './docs-page.ts';
import { errorBody } from './errors.ts';
import { jsonResponse, mount } from './route.ts';

/** Where the OpenAPI document is served. */
export const OPENAPI_PATH = '/api/openapi.json';

/** What the meta routes report: the version, and whether keys are required. */
export interface MetaOptions {
  readonly version: string;
  readonly auth: AuthMode;
}

/** The OpenAPI 3.1 document of `app` (every operation needs the bearer key when `auth` is required). */
export function openApiDocument(app: OpenAPIHono, { version, auth }: MetaOptions) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    ...(auth === 'required' ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
    info: {
      title: 'Ballast API',
      version,
      description:
        'Leverage-aware portfolio tool. Every route runs a Ballast use case; errors are { code, message, details } with the status of the error registry.',
    },
  });
}

/** Mounts the health, readiness, OpenAPI and docs routes on `app`. */
export function mountMetaRoutes(app: OpenAPIHono, deps: AppDeps, meta: MetaOptions): void {
  const { version } = meta;
  mount(
    app,
    {
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      summary: 'The process answers',
      security: [],
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
      security: [],
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
  app.get(OPENAPI_PATH, (c) => c.json(openApiDocument(app, meta)));
  app.get('/api/docs', (c) => c.html(docsPage(openApiDocument(app, meta), OPENAPI_PATH)));
}
