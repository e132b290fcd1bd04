/**
 * The stateless computations besides `optimize`, each the document of its CLI command with
 * `--format json`: `POST /api/v1/frontier`, `/estimate` and `/analyze` take the use case's input
 * with the returns inline (`{ text, name }`, as for `optimize`); `GET /api/v1/estimate/universe`
 * estimates the exposure universe from query parameters.
 *
 * The frontier solves in process unless the body asks for `threads ≥ 2`; then it gets a pool of
 * at most {@link MAX_FRONTIER_THREADS} worker threads for the request (more `threads` share
 * them: the portfolios are the same whatever the pool's size), closed when it ends.
 */

import { availableParallelism } from 'node:os';
import type { OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import { analyze, analyzeInputSchema, type AnalyzeInput } from '../app/analyze.ts';
import type { AppDeps } from '../app/deps.ts';
import { BallastError } from '../app/errors.ts';
import { estimate, estimateInputSchema, type EstimateInput } from '../app/estimate.ts';
import {
  estimateUniverse,
  estimateUniverseInputSchema,
  type EstimateUniverseInput,
} from '../app/estimate-universe.ts';
import { COVARIANCE_MODELS, MEAN_MODELS } from '../app/estimation-spec.ts';
import { frontier, frontierInputSchema, type FrontierInput } from '../app/frontier.ts';
import { mountJsonPost } from './json-post.ts';
import { withKnownAt } from './known-at.ts';
import { queryInput } from './query.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** Worker threads one frontier request may start at most: the cores, up to 4. */
export const MAX_FRONTIER_THREADS = Math.max(1, Math.min(4, availableParallelism()));

const OUTCOMES = { 422: 'INFEASIBLE, UNBOUNDED, INSUFFICIENT_DATA, NO_ASSET_ABOVE_RISK_FREE' };

/** `deps` with worker pools capped at {@link MAX_FRONTIER_THREADS} threads. */
function cappedWorkers(deps: AppDeps): AppDeps {
  const { workers } = deps;
  if (workers === undefined) return deps;
  return { ...deps, workers: (size) => workers(Math.min(size, MAX_FRONTIER_THREADS)) };
}

/**
 * Refuses `attribution.funds` as a path on the server's disk (a string, not a `{ text, name }`
 * source that `jsonBody` would catch): over HTTP attribution uses the shipped fund definitions,
 * or a stored set (`{ stored: NAME }`).
 */
function refuseFundsPath(body: unknown): unknown {
  const attribution = (body as { attribution?: unknown } | null)?.attribution;
  const funds = (attribution as { funds?: unknown } | null | undefined)?.funds;
  if (typeof funds === 'string')
    throw new BallastError(
      'INVALID_INPUT',
      "attribution.funds: files are not read from the server's disk (attribution over HTTP uses the shipped config/funds.yaml or { stored: NAME })",
      { field: 'attribution.funds' },
    );
  return body;
}

const universeQuery = estimateUniverseInputSchema
  .pick({ source: true, periodsPerYear: true, horizon: true, riskFreeRateAnnual: true })
  .extend({
    covariance: z
      .enum(COVARIANCE_MODELS)
      .optional()
      .describe('Covariance model, with its default parameters (default ledoit-wolf)'),
    mean: z
      .enum(MEAN_MODELS)
      .optional()
      .describe('Expected-return model, with its default parameters (default historical)'),
  });

function mountUniverse(app: OpenAPIHono): void {
  mount(
    app,
    {
      method: 'get',
      path: '/api/v1/estimate/universe',
      tags: ['estimate'],
      summary: 'The return distribution of the exposure universe (`estimate universe`)',
      request: { query: withKnownAt(universeQuery) },
      responses: {
        200: jsonResponse('The `estimate universe` document'),
        ...errorResponses(OUTCOMES),
      },
    },
    async (c, deps) => {
      const input = queryInput(c, {
        source: 'text',
        covariance: 'text',
        mean: 'text',
        periodsPerYear: 'number',
        horizon: 'number',
        riskFreeRateAnnual: 'number',
      });
      for (const model of ['covariance', 'mean'])
        if (input[model] !== undefined) input[model] = { method: input[model] };
      return c.json(await estimateUniverse(input as EstimateUniverseInput, deps));
    },
  );
}

/** Mounts the frontier, estimate and analyze routes on `app` (see the module comment). */
export function mountAnalysisRoutes(app: OpenAPIHono): void {
  mountJsonPost(
    app,
    {
      path: '/api/v1/frontier',
      tag: 'optimize',
      summary: `The efficient frontier with the tangency portfolio (returns inline; threads ≤ ${MAX_FRONTIER_THREADS})`,
      schema: frontierInputSchema,
      document: 'The `frontier` document',
      errors: OUTCOMES,
    },
    (body, deps) => frontier(body as FrontierInput, cappedWorkers(deps)),
  );
  mountJsonPost(
    app,
    {
      path: '/api/v1/estimate',
      tag: 'estimate',
      summary: 'Annual expected returns and covariance of a returns panel (returns inline)',
      schema: estimateInputSchema,
      document: 'The `estimate` document (a moments file)',
      errors: OUTCOMES,
    },
    (body, deps) => estimate(body as EstimateInput, deps),
  );
  mountUniverse(app);
  mountJsonPost(
    app,
    {
      path: '/api/v1/analyze',
      tag: 'analyze',
      summary:
        'Performance and risk metrics of a column or fixed-weight portfolio (returns inline)',
      schema: analyzeInputSchema,
      document: 'The `analyze` document',
      errors: { 422: 'INSUFFICIENT_DATA' },
    },
    (body, deps) => analyze(refuseFundsPath(body) as AnalyzeInput, deps),
  );
}
