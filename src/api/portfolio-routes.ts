/**
 * `/api/v1/portfolios`: stored portfolios — create, list, get (by id or name), rename, delete,
 * append to (or, `?dryRun=true`, preview an append row by row) and read the ledger (as JSON, or
 * `?format=csv` a transactions CSV), edit or delete one of its rows by stored line
 * (`/transactions/{line}`), and its positions. Every handler calls a use case; a portfolio
 * named in the path is resolved by
 * `portfolioGet` (an id first when the reference is all digits, then a name), and the name goes
 * to the use case. The analyses of a stored portfolio
 * are in `portfolio-analysis-routes.ts`, which shares {@link nameOf}, {@link params} and
 * {@link portfolioBody}.
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
import { portfolioAppendPreview } from '../app/portfolio-append-preview.ts';
import { portfolioTransactionDelete } from '../app/portfolio-transaction-delete.ts';
import {
  portfolioTransactionUpdate,
  storedLineSchema,
} from '../app/portfolio-transaction-update.ts';
import {
  portfolioCreate,
  portfolioCreateInputSchema,
  type PortfolioCreateInput,
} from '../app/portfolio-create.ts';
import { portfolioDelete } from '../app/portfolio-delete.ts';
import { portfolioGet, portfolioGetInputSchema, portfolioResolve } from '../app/portfolio-get.ts';
import { portfolioList } from '../app/portfolio-list.ts';
import { portfolioPositions, portfolioPositionsInputSchema } from '../app/portfolio-positions.ts';
import {
  portfolioRename,
  portfolioRenameInputSchema,
  type PortfolioRenameInput,
} from '../app/portfolio-rename.ts';
import { portfolioExportCsv } from '../app/portfolio-export-csv.ts';
import { portfolioTransactions } from '../app/portfolio-transactions.ts';
import { jsonBody, mediaType } from './body.ts';
import { requestError } from './errors.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** Where the portfolio routes live. */
export const BASE = '/api/v1/portfolios';
/** The OpenAPI tag of the portfolio routes. */
export const TAG = ['portfolios'];
/** The path parameter `{id}`: a portfolio's id or name. */
export const params = z.object({ id: portfolioGetInputSchema.shape.portfolio });
const appendBody = z.object({ transactions: portfolioAppendInputSchema.shape.transactions });
const appendQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'true: check every row against the stored ledger and list each row’s result (200), storing nothing',
    ),
});
/** The path parameters of one ledger row: the portfolio and the row's stored line. */
const rowParams = params.extend({ line: storedLineSchema });
/** One transaction as JSON, the shape `portfolio export` writes (money in integer cents). */
const transactionBody = z
  .record(z.string(), z.unknown())
  .describe(
    'One transaction as POST …/transactions takes it in `transactions` (money in integer cents); `source`, if given, must be the line in the path',
  );
const transactionsQuery = z.object({
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('json (default) or csv: the transactions CSV (README "Transactions file")'),
});

/** The stored name of the portfolio the path names (NOT_FOUND naming the reference). */
export async function nameOf(c: Context, deps: AppDeps): Promise<string> {
  return (await portfolioResolve({ portfolio: c.req.param('id') ?? '' }, deps)).name;
}

/**
 * The JSON body of a request on the portfolio the path names: an object, without the fields
 * the path decides (`owned`, e.g. `portfolio`) — each is INVALID_INPUT naming it, rather than
 * silently replaced.
 */
export async function portfolioBody(
  c: Context,
  owned: readonly string[],
): Promise<Record<string, unknown>> {
  const body = await jsonBody(c);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw requestError('INVALID_INPUT', 'body', 'expected a JSON object');
  const field = owned.find((key) => Object.hasOwn(body, key));
  if (field !== undefined)
    throw requestError('INVALID_INPUT', field, 'not in the body: the path names the portfolio');
  return body as Record<string, unknown>;
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

function mountEdit(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'patch',
      path: `${BASE}/{id}`,
      tags: TAG,
      summary: 'Rename a portfolio (id, accounts and ledger unchanged)',
      request: {
        params,
        body: {
          required: true,
          content: {
            'application/json': { schema: portfolioRenameInputSchema.pick({ name: true }) },
          },
        },
      },
      responses: {
        200: jsonResponse(
          'The portfolio under its new name: { id, name, baseCurrency, createdAt }',
        ),
        ...errorResponses({ 409: 'CONFLICT: the name is taken' }),
      },
    },
    async (c) => {
      const portfolio = await nameOf(c, deps);
      const body = await portfolioBody(c, ['portfolio']);
      return c.json(await portfolioRename({ ...body, portfolio } as PortfolioRenameInput, deps));
    },
  );
  mount(
    app,
    {
      method: 'delete',
      path: `${BASE}/{id}`,
      tags: TAG,
      summary: 'Delete a portfolio with its accounts and ledger, in one transaction',
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses() },
    },
    async (c) => {
      await portfolioDelete({ portfolio: await nameOf(c, deps) }, deps);
      return c.body(null, 204);
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
      summary:
        'Append transactions to the ledger, all or nothing; with ?dryRun=true, check every row without storing',
      request: {
        params,
        query: appendQuery,
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
        200: jsonResponse(
          '?dryRun=true: { portfolio, dryRun: true, rows: [{ index, line, storedLine, ok, transaction?, error?: { code, message, field } }], valid, invalid, transactions } — nothing stored',
        ),
        201: jsonResponse('{ portfolio, appended, transactions, lines }'),
        ...errorResponses(),
      },
    },
    async (c) => {
      const dryRun = c.req.query('dryRun');
      if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
        throw requestError('INVALID_INPUT', 'dryRun', `expected true or false (got "${dryRun}")`);
      const input = (await appendInput(c, await nameOf(c, deps))) as PortfolioAppendInput;
      if (dryRun === 'true') return c.json(await portfolioAppendPreview(input, deps), 200);
      return c.json(await portfolioAppend(input, deps), 201);
    },
  );
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}/transactions`,
      tags: TAG,
      summary: 'The stored ledger, as JSON or (`?format=csv`) as a transactions CSV',
      request: { params, query: transactionsQuery },
      responses: {
        200: {
          description:
            'JSON `{ portfolio, transactions }`; with `?format=csv` the transactions CSV of `portfolio export --format csv`, each row on its stored line (`409 CONFLICT` when the ledger holds what a CSV cannot say)',
          content: {
            'application/json': { schema: z.unknown() },
            'text/csv': { schema: z.string().describe('A transactions CSV') },
          },
        },
        ...errorResponses({ 409: 'CONFLICT: the stored ledger cannot be written as CSV' }),
      },
    },
    async (c) => {
      const format = c.req.query('format') ?? 'json';
      if (format !== 'json' && format !== 'csv')
        throw requestError('INVALID_INPUT', 'format', `expected json or csv (got "${format}")`);
      const portfolio = await nameOf(c, deps);
      if (format === 'json') return c.json(await portfolioTransactions({ portfolio }, deps));
      const { csv } = await portfolioExportCsv({ portfolio }, deps);
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  );
}

/** The stored line in the path: a number when it reads as one (the schema says why not). */
function lineOf(c: Context): number | string {
  const text = c.req.param('line') ?? '';
  const line = Number(text);
  return text.trim() !== '' && Number.isFinite(line) ? line : text;
}

function mountLedgerRow(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'patch',
      path: `${BASE}/{id}/transactions/{line}`,
      tags: TAG,
      summary:
        'Replace one ledger row in place (it keeps its line and lots); the whole ledger is replayed first, nothing changes on an error',
      request: {
        params: rowParams,
        body: { required: true, content: { 'application/json': { schema: transactionBody } } },
      },
      responses: {
        200: jsonResponse('{ portfolio, line, previous, transaction, transactions }'),
        ...errorResponses({ 404: 'NOT_FOUND: an unknown portfolio, or no row on the line' }),
      },
    },
    async (c) => {
      const portfolio = await nameOf(c, deps);
      const body = await jsonBody(c);
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw requestError('INVALID_INPUT', 'body', 'expected a JSON object: one transaction');
      const line = lineOf(c) as number;
      const input = { portfolio, line, transaction: body as Record<string, unknown> };
      return c.json(await portfolioTransactionUpdate(input, deps));
    },
  );
  mount(
    app,
    {
      method: 'delete',
      path: `${BASE}/{id}/transactions/{line}`,
      tags: TAG,
      summary:
        'Delete one ledger row (the others keep their lines); refused when a later row needs it',
      request: { params: rowParams },
      responses: {
        204: { description: 'Deleted' },
        ...errorResponses({ 404: 'NOT_FOUND: an unknown portfolio, or no row on the line' }),
      },
    },
    async (c) => {
      const portfolio = await nameOf(c, deps);
      await portfolioTransactionDelete({ portfolio, line: lineOf(c) as number }, deps);
      return c.body(null, 204);
    },
  );
}

/** Mounts the portfolio routes on `app` (see the module comment). */
export function mountPortfolioRoutes(app: OpenAPIHono, deps: AppDeps): void {
  mountCollection(app, deps);
  mountItem(app, deps);
  mountEdit(app, deps);
  mountLedger(app, deps);
  mountLedgerRow(app, deps);
}
