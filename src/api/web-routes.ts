/**
 * The dashboard's files (the Vite build in `web/dist/`), served by the API's own process: a
 * file that exists is sent — precompressed `.br`/`.gz` when the browser accepts them — with
 * `Cache-Control: immutable` for the content-hashed `/assets/*` and `no-cache` for the rest;
 * any other GET path without a file extension gets `index.html`, so the dashboard's own paths
 * (`/holdings`, `/risk?p=demo`) load on refresh. `/api/*` and `/metrics` never reach here.
 * HTML responses carry a Content-Security-Policy allowing only this origin's scripts.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';

/** Where `npm run build:web` writes the dashboard. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Whether a dashboard build exists in `root`. */
export const hasWebBuild = (root: string = WEB_DIST): boolean =>
  existsSync(join(root, 'index.html'));

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isApi = (path: string): boolean =>
  path === '/metrics' || path === '/api' || path.startsWith('/api/');

/** Cache and CSP headers of a file response to `path` (see the module comment). */
function fileHeaders(path: string, headers: Headers): void {
  const immutable = path.startsWith('/assets/');
  headers.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (headers.get('Content-Type')?.startsWith('text/html'))
    headers.set('Content-Security-Policy', CSP);
}

/** Serves the dashboard build in `root` on every non-API GET (see the module comment). */
export function mountWeb(app: OpenAPIHono, root: string = WEB_DIST): void {
  const files: MiddlewareHandler = serveStatic({ root, precompressed: true });
  const index: MiddlewareHandler = serveStatic({
    root,
    precompressed: true,
    rewriteRequestPath: () => '/index.html',
  });
  const web: MiddlewareHandler = async (c, next) => {
    if (isApi(c.req.path)) return next();
    const last = c.req.path.split('/').at(-1) ?? '';
    const response = await (last.includes('.') ? files : index)(c, next);
    if (response instanceof Response) fileHeaders(c.req.path, response.headers);
    return response;
  };
  app.on(['GET', 'HEAD'], '*', web);
}
