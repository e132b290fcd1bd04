/**
 * `/api/v1/runs`: long work as jobs. `POST` stores a run of one kind (`frontier`, `optimize`,
 * `estimate`, `analyze`, `backtest`, `data-fetch`) with the same input its synchronous route takes and
 * answers 202 with the run (status `queued`) and its `Location`; `GET …/runs/{id}` gives its
 * status, progress and, once done, its result or error; `DELETE` cancels it (409 once it has
 * succeeded or failed); `GET …/runs` lists recent runs.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import {
  runCancel,
  runGet,
  runIdInputSchema,
  runList,
  runListInputSchema,
} from '../app/run-read.ts';
import { RUN_KINDS } from '../app/run-kinds.ts';
import { runSubmit, runSubmitInputSchema, type RunSubmitInput } from '../app/run-submit.ts';
import { jsonBody } from './body.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

const BASE = '/api/v1/runs';
const TAG = ['runs'];

const kinds = Object.entries(RUN_KINDS)
  .map(([name, kind]) => `\`${name}\`: ${kind.summary}`)
  .join('; ');

const RUN_DOC =
  'The run: { id, kind, inputsHash, status (queued | running | succeeded | failed | cancelled), progress { done, total, label }, result, error, createdAt, startedAt, finishedAt, knownAt (the knowledge time of its market data: docs/data-versions.md) }';

/** Mounts the run routes on `app`. */
export function mountRunRoutes(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'post',
      path: BASE,
      tags: TAG,
      summary: 'Submit long work as a run (202; poll GET /api/v1/runs/{id})',
      description: `Kinds — ${kinds}. \`input\` is what the kind's synchronous route takes. \`knownAt\` (ISO time): read market data as known then (docs/data-versions.md).`,
      request: {
        body: { required: true, content: { 'application/json': { schema: runSubmitInputSchema } } },
      },
      responses: {
        202: jsonResponse(`${RUN_DOC}, queued`),
        ...errorResponses({ 503: 'UNAVAILABLE: this server runs no jobs' }),
      },
    },
    async (c) => {
      const run = await runSubmit((await jsonBody(c)) as RunSubmitInput, deps);
      c.header('Location', `${BASE}/${run.id}`);
      return c.json(run, 202);
    },
  );
  mount(
    app,
    {
      method: 'get',
      path: BASE,
      tags: TAG,
      summary: 'Recent runs, newest first',
      request: { query: runListInputSchema },
      responses: { 200: jsonResponse('{ runs: [run…] }'), ...errorResponses() },
    },
    async (c) => c.json(await runList(c.req.query(), deps)),
  );
  const params = z.object({ id: runIdInputSchema.shape.id });
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}`,
      tags: TAG,
      summary: 'A run: status, progress, and its result or error once it has ended',
      request: { params },
      responses: { 200: jsonResponse(RUN_DOC), ...errorResponses() },
    },
    async (c) => c.json(await runGet({ id: c.req.param('id') ?? '' }, deps)),
  );
  mount(
    app,
    {
      method: 'delete',
      path: `${BASE}/{id}`,
      tags: TAG,
      summary: 'Cancel a queued or running run',
      request: { params },
      responses: {
        200: jsonResponse(`${RUN_DOC}, cancelled`),
        ...errorResponses({ 409: 'CONFLICT: the run has already succeeded or failed' }),
      },
    },
    async (c) => c.json(await runCancel({ id: c.req.param('id') ?? '' }, deps)),
  );
}
