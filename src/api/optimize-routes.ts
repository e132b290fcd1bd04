/**
 * `POST /api/v1/optimize`: one optimisation, stateless — the body is the `optimize` use case's
 * input with the returns inline (`moments.panel: { kind: 'file', file: { text, name } }`) and
 * the answer is the document of `ballast optimize --format json`.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app/deps.ts';
import { optimize, optimizeInputSchema, type OptimizeInput } from '../app/optimize.ts';
import { jsonBody } from './body.ts';
import { knownAtQuery } from './known-at.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** Mounts the optimisation route on `app`. */
export function mountOptimizeRoutes(app: OpenAPIHono): void {
  mount(
    app,
    {
      method: 'post',
      path: '/api/v1/optimize',
      tags: ['optimize'],
      summary: 'Optimal weights for one objective under constraints (returns inline)',
      request: {
        query: knownAtQuery,
        body: { required: true, content: { 'application/json': { schema: optimizeInputSchema } } },
      },
      responses: {
        200: jsonResponse('The `optimize` document'),
        ...errorResponses({
          422: 'INFEASIBLE, UNBOUNDED, INSUFFICIENT_DATA, NO_ASSET_ABOVE_RISK_FREE',
        }),
      },
    },
    async (c, deps: AppDeps) => c.json(await optimize((await jsonBody(c)) as OptimizeInput, deps)),
  );
}
