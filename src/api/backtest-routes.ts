/**
 * `POST /api/v1/backtest`: one backtest, stateless — the body is `{ config }`, the config object
 * of `ballast backtest` (prices inline as `{ text, name }` or `symbols` from the store) or its
 * YAML/JSON text, and the answer is the document of `ballast backtest --format json`
 * (docs/backtest.md, "API and dashboard"). No file on the server's disk is read: a `{ path }`
 * is refused by `jsonBody`, a `prices` path by the request's use case. Long backtests can go
 * through `POST /api/v1/runs` with kind `backtest` and the same body as `input`.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import { backtestRequest, backtestRequestSchema } from '../app/backtest-request.ts';
import type { AppDeps } from '../app/deps.ts';
import { mountJsonPost } from './json-post.ts';

/** Mounts the backtest route on `app`. */
export function mountBacktestRoutes(app: OpenAPIHono): void {
  mountJsonPost(
    app,
    {
      path: '/api/v1/backtest',
      tag: 'backtest',
      summary: 'Strategies of target weights run day by day over historical closes (config inline)',
      schema: backtestRequestSchema,
      document: 'The `backtest` document',
      errors: {
        422: 'INSUFFICIENT_DATA: fewer than 2 rows in the window',
        424: 'DATA_UNAVAILABLE: a symbol with nothing stored and no provider answering',
      },
    },
    (body, deps: AppDeps) => backtestRequest(body, deps),
  );
}
