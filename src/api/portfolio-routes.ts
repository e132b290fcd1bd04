/**
 * `/api/v1/portfolios`: stored portfolios — create, list, get (by id or name), append to and
 * read the ledger, and its positions. Every handler calls a use case; a portfolio named in the
 * path is resolved by `portfolioGet` (an id first when the reference is all digits, then a
 * name), and the name goes to the use case.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import {
  portfolioAppend,
  portfolioAppendInputSchema,
  type PortfolioAppendInput,
} from '../app/portfolio-append.ts';
import {
  portfolioCreate,
  portfolioCreateInputSchema,
  type PortfolioCreateInput,
} from '../app/portfolio-create.ts';
import { portfolioGet, portfolioGetInputSchema } from '../app/portfolio-get.ts';
import { portfolioList } from '../app/portfolio-list.ts';
import { portfolioPositions, portfolioPositionsInputSchema } from '../app/portfolio-positions.ts';
import { portfolioTransactions } from '../app/portfolio-transactions.ts';
import { jsonBody, mediaType } from './body.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

const BASE = '/api/v1/portfolios';
const TAG = ['portfolios'];
const params = z.object({ id: portfolioGetInputSchema.shape.portfolio });
const appendBody = z.object({ transactions: portfolioAppendInputSchema.shape.transactions });

/** The stored name of the portfolio the path names. */
async function nameOf(c: Context, deps: AppDeps): Promise<string> {
  return (await portfolioGet({ portfolio: c.req.param('id') ?? '' }, deps)).name;
}

/** The append input of a request: a CSV body, or JSON `{ transactions }`. */
async function appendInput(c: Context, portfolio: string) {
  if (mediaType(c) === 'text/csv')
    return { portfolio, csv: { text: await c.req.text(), name: 'request body' } };
  const body = await jsonBody(c);
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  return { ...fields, portfolio };
}

function mountCollection(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'post',
      path: BASE,
      tags: TAG,
      summary: 'Create an empty stored portfolio',
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: portfolioCreateInputSchema } },
        },
      },
      responses: {
        201: jsonResponse('The portfolio: { id, name, baseCurrency, createdAt }'),
        ...errorResponses({ 409: 'CONFLICT: the name is taken' }),
      },
    },
    async (c) => {
      const doc = await portfolioCreate((await jsonBody(c)) as PortfolioCreateInput, deps);
      c.header('Location', `${BASE}/${doc.id}`);
      return c.json(doc, 201);
    },
  );
  mount(
    app,
    {
      method: 'get',
      path: BASE,
      tags: TAG,
      summary: 'Stored portfolios with their counts',
      responses: { 200: jsonResponse('The `portfolio list` document'), ...errorResponses() },
    },
    async (c) => c.json(await portfolioList({}, deps)),
  );
}

function mountItem(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}`,
      tags: TAG,
      summary: 'One portfolio by id or name',
      request: { params },
      responses: { 200: jsonResponse('The portfolio with its counts'), ...errorResponses() },
    },
    async (c) => c.json(await portfolioGet({ portfolio: c.req.param('id') ?? '' }, deps)),
  );
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}/positions`,
      tags: TAG,
      summary:
        'Positions, lots and realised gains: the document of `ballast positions --format json`',
      request: {
        params,
        query: portfolioPositionsInputSchema.pick({ asOf: true, lotMethod: true }),
      },
      responses: { 200: jsonResponse('The `positions` document'), ...errorResponses() },
    },
    async (c) => {
      const portfolio = await nameOf(c, deps);
      return c.json(await portfolioPositions({ ...c.req.query(), portfolio }, deps));
    },
  );
}

function mountLedger(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'post',
      path: `${BASE}/{id}/transactions`,
      tags: TAG,
      summary: 'Append transactions to the ledger, all or nothing',
      request: {
        params,
        body: {
          required: true,
          content: {
            'application/json': { schema: appendBody },
            'text/csv': {
              schema: z.string().describe('A transactions CSV (README "Transactions file")'),
            },
          },
        },
      },
      responses: {
        201: jsonResponse('{ portfolio, appended, transactions, lines }'),
        ...errorResponses(),
      },
    },
    async (c) => {
      const input = await appendInput(c, await nameOf(c, deps));
      return c.json(await portfolioAppend(input as PortfolioAppendInput, deps), 201);
    },
  );
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}/transactions`,
      tags: TAG,
      summary: 'The stored ledger',
      request: { params },
      responses: { 200: jsonResponse('{ portfolio, transactions }'), ...errorResponses() },
    },
    async (c) => c.json(await portfolioTransactions({ portfolio: await nameOf(c, deps) }, deps)),
  );
}

/** Mounts the portfolio routes on `app` (see the module comment). */
export function mountPortfolioRoutes(app: OpenAPIHono, deps: AppDeps): void {
  mountCollection(app, deps);
  mountItem(app, deps);
  mountLedger(app, deps);
}
