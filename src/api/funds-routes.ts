/**
 * Fund definitions and the exposure universe: `GET /api/v1/funds` (the shipped definitions, the
 * `funds list` document), `POST /api/v1/funds/validate` and `/check` (definitions and returns
 * inline: `funds validate`, `funds check`) and `GET /api/v1/universe` (the `universe`
 * document). `funds import` writes a file on the server's disk and has no route.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import { fundsCheck, fundsCheckInputSchema, type FundsCheckInput } from '../app/funds-check.ts';
import {
  fundsList,
  fundsValidate,
  fundsValidateInputSchema,
  type FundsValidateInput,
} from '../app/funds.ts';
import { universe } from '../app/universe.ts';
import { mountJsonPost } from './json-post.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** Mounts the funds and universe routes on `app` (see the module comment). */
export function mountFundsRoutes(app: OpenAPIHono): void {
  mount(
    app,
    {
      method: 'get',
      path: '/api/v1/funds',
      tags: ['funds'],
      summary: 'The shipped fund definitions (config/funds.yaml): exposures per $1 of NAV',
      responses: { 200: jsonResponse('The `funds list` document: { funds }'), ...errorResponses() },
    },
    async (c) => c.json(await fundsList({})),
  );
  mountJsonPost(
    app,
    {
      path: '/api/v1/funds/validate',
      tag: 'funds',
      summary: 'Check fund definitions (YAML inline) against the exposure universe',
      schema: fundsValidateInputSchema,
      document: 'The `funds validate` document: { file, funds, valid, issues }',
    },
    (body) => fundsValidate(body as FundsValidateInput),
  );
  mountJsonPost(
    app,
    {
      path: '/api/v1/funds/check',
      tag: 'funds',
      summary: 'Does a fund behave as its definition says? (returns and definitions inline)',
      schema: fundsCheckInputSchema,
      document: 'The `funds check` document',
      errors: {
        404: 'NOT_FOUND: the fund is not defined',
        424: 'DATA_UNAVAILABLE: no returns for an exposure of its definition',
      },
    },
    (body) => fundsCheck(body as FundsCheckInput),
  );
  mount(
    app,
    {
      method: 'get',
      path: '/api/v1/universe',
      tags: ['funds'],
      summary: 'The exposure universe: categories and exposures with their implementations',
      responses: { 200: jsonResponse('The `universe` document'), ...errorResponses() },
    },
    async (c) => c.json(await universe({})),
  );
}
