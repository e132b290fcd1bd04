/**
 * `POST /api/v1/simulate`: one Monte Carlo run, stateless — the body is `{ config }`, the config
 * object of `ballast simulate` (returns inline as `{ text, name }` or `{ symbols }` from the
 * store) or its YAML/JSON text, and the answer is the document of
 * `ballast simulate --format json` (docs/simulate.md). No file on the server's disk is read.
 * Long runs can go through `POST /api/v1/runs` with kind `simulate` and the same body as `input`.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app/deps.ts';
import { simulateRequest, simulateRequestSchema } from '../app/simulate-request.ts';
import { mountJsonPost } from './json-post.ts';

/** Mounts the simulate route on `app`. */
export function mountSimulateRoutes(app: OpenAPIHono): void {
  mountJsonPost(
    app,
    {
      path: '/api/v1/simulate',
      tag: 'simulate',
      summary:
        'Monte Carlo of a rebalanced portfolio with withdrawals: value fan, depletion, safe withdrawal rate (config inline)',
      schema: simulateRequestSchema,
      document: 'The `simulate` document',
      errors: {
        422: 'INSUFFICIENT_DATA: too few periods of returns for the method',
        424: 'DATA_UNAVAILABLE: a symbol with nothing stored and no provider answering',
      },
    },
    (body, deps: AppDeps) => simulateRequest(body, deps),
  );
}
