/**
 * The market-data writes (a `write` key when keys are required): `POST /api/v1/data/fetch`
 * fetches into the store (`data fetch`; a server run `--offline` gives the CLI's `--offline`
 * error), `POST /api/v1/data/import` imports a CSV sent inline, all or nothing (`data import`).
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import {
  dataFetch,
  dataFetchFailure,
  dataFetchInputSchema,
  type DataFetchInput,
} from '../app/data-fetch.ts';
import { dataImport, dataImportInputSchema, type DataImportInput } from '../app/data-import.ts';
import type { AppDeps } from '../app/deps.ts';
import { BallastError } from '../app/errors.ts';
import { jsonBody, mediaType } from './body.ts';
import { queryInput } from './query.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

const TAG = ['data'];

/** The import input of a request: a `text/csv` body with `?kind&symbol&name`, or JSON. */
async function importInput(c: Context): Promise<unknown> {
  if (mediaType(c) !== 'text/csv') return jsonBody(c);
  const { name, ...query } = queryInput(c, { kind: 'text', symbol: 'text', name: 'text' });
  return { ...query, file: { text: await c.req.text(), name: name ?? 'request body' } };
}

/**
 * The fetch document, or — when some id could not be fetched — the error the CLI exits with
 * (DATA_UNAVAILABLE, 424), its details carrying the rows the CLI prints before it.
 */
async function fetchDocument(c: Context, deps: AppDeps) {
  const doc = await dataFetch((await jsonBody(c)) as DataFetchInput, deps);
  const failure = dataFetchFailure(doc);
  if (failure === undefined) return doc;
  throw new BallastError(failure.code, failure.message, { ...failure.details, rows: doc.rows });
}

/** Mounts the data fetch and import routes on `app` (see the module comment). */
export function mountDataWriteRoutes(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'post',
      path: '/api/v1/data/fetch',
      tags: TAG,
      summary: 'Fetch daily prices (or economic series) into the store; only what is missing',
      request: {
        body: { required: true, content: { 'application/json': { schema: dataFetchInputSchema } } },
      },
      responses: {
        200: jsonResponse('The `data fetch` document: { rows, failures: 0 }'),
        ...errorResponses({
          424: 'DATA_UNAVAILABLE: some id could not be fetched (details.rows: every id)',
        }),
      },
    },
    async (c) => c.json(await fetchDocument(c, deps)),
  );
  mount(
    app,
    {
      method: 'post',
      path: '/api/v1/data/import',
      tags: TAG,
      summary: 'Import a CSV into the store, all or nothing (re-importing changes nothing)',
      request: {
        query: z.object({
          kind: dataImportInputSchema.shape.kind,
          symbol: dataImportInputSchema.shape.symbol,
          name: z.string().optional().describe('The file name cited (csv:<name>); text/csv only'),
        }),
        body: {
          required: true,
          content: {
            'application/json': { schema: dataImportInputSchema },
            'text/csv': {
              schema: z.string().describe('prices, returns or series CSV (README "Market data")'),
            },
          },
        },
      },
      responses: { 200: jsonResponse('The `data import` document'), ...errorResponses() },
    },
    async (c) => c.json(await dataImport((await importInput(c)) as DataImportInput, deps)),
  );
}
