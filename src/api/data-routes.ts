/**
 * `/api/v1/data`: market data in the store. `GET /api/v1/data` is the `data list` document;
 * `GET /api/v1/data/{symbol}/prices` the stored bars (`data prices`: store only, NOT_FOUND for
 * a symbol with none); `GET /api/v1/data/{symbol}/returns` the `returns` document of the one
 * symbol (like the CLI it fetches what is missing unless the server is `--offline`);
 * `GET /api/v1/data/quality` the `data quality` reports; `GET /api/v1/data/alerts` the stored
 * data alerts (`data alerts --format json`: oldest first, `?since=…&limit=…`). The writes, `POST /api/v1/data/fetch`
 * and `/import`, are in `data-write-routes.ts`. The list, quality, prices and returns take
 * `?knownAt=` (the data as known then, `known-at.ts`); the alerts and the writes refuse it.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import { dataAlerts, dataAlertsInputSchema, type DataAlertsInput } from '../app/data-alerts.ts';
import { dataList } from '../app/data-list.ts';
import { dataPrices, dataPricesInputSchema, type DataPricesInput } from '../app/data-prices.ts';
import { dataQuality, dataQualityInputSchema, type DataQualityInput } from '../app/data-quality.ts';
import type { AppDeps } from '../app/deps.ts';
import { returns, returnsInputSchema, type ReturnsInput } from '../app/returns.ts';
import { mountDataWriteRoutes } from './data-write-routes.ts';
import { knownAtQuery, withKnownAt } from './known-at.ts';
import { queryInput } from './query.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

const BASE = '/api/v1/data';
const TAG = ['data'];
const params = z.object({ symbol: dataPricesInputSchema.shape.symbol });
const symbolOf = (c: Context): string => c.req.param('symbol') ?? '';

function mountListAndQuality(app: OpenAPIHono): void {
  mount(
    app,
    {
      method: 'get',
      path: BASE,
      tags: TAG,
      summary: 'What the store holds: every symbol and series with its range, rows and sources',
      request: { query: knownAtQuery },
      responses: { 200: jsonResponse('The `data list` document'), ...errorResponses() },
    },
    async (c, deps) => c.json(await dataList({}, deps)),
  );
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/quality`,
      tags: TAG,
      summary: 'Data-quality reports of stored prices (`?symbols=A,B&jumpThreshold=0.15`)',
      request: { query: withKnownAt(dataQualityInputSchema) },
      responses: {
        200: jsonResponse('The `data quality` document'),
        ...errorResponses({ 404: 'NOT_FOUND: a symbol with no stored prices' }),
      },
    },
    async (c, deps) => {
      const input = queryInput(c, { symbols: 'list', jumpThreshold: 'number' });
      return c.json(await dataQuality(input as DataQualityInput, deps));
    },
  );
}

function mountAlerts(app: OpenAPIHono, deps: AppDeps): void {
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/alerts`,
      tags: TAG,
      summary:
        'Stored data alerts, oldest first (`?since=2026-12-01&limit=50`: the newest `limit` kept)',
      request: { query: dataAlertsInputSchema },
      responses: {
        200: jsonResponse('The `data alerts` document: `{ id, createdAt, symbol, code, … }[]`'),
        ...errorResponses(),
      },
    },
    async (c) => {
      const input = queryInput(c, { since: 'text', limit: 'number' });
      return c.json(await dataAlerts(input as DataAlertsInput, deps));
    },
  );
}

function mountSymbol(app: OpenAPIHono): void {
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{symbol}/prices`,
      tags: TAG,
      summary: 'The stored daily bars of a symbol (store only)',
      request: { params, query: withKnownAt(dataPricesInputSchema.pick({ from: true, to: true })) },
      responses: {
        200: jsonResponse('{ symbol, bars }'),
        ...errorResponses({ 404: 'NOT_FOUND: the store holds no prices for the symbol' }),
      },
    },
    async (c, deps) => {
      const input = { ...queryInput(c, { from: 'text', to: 'text' }), symbol: symbolOf(c) };
      return c.json(await dataPrices(input as DataPricesInput, deps));
    },
  );
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{symbol}/returns`,
      tags: TAG,
      summary: 'Return series of a symbol at any frequency (the `returns` document)',
      request: {
        params,
        query: withKnownAt(
          returnsInputSchema.pick({ from: true, to: true, frequency: true, kind: true }),
        ),
      },
      responses: {
        200: jsonResponse('The `returns` document'),
        ...errorResponses({ 424: 'DATA_UNAVAILABLE: nothing stored and no provider answered' }),
      },
    },
    async (c, deps) => {
      const query = queryInput(c, { from: 'text', to: 'text', frequency: 'text', kind: 'text' });
      const input = { ...query, symbols: [symbolOf(c)] };
      return c.json(await returns(input as ReturnsInput, deps));
    },
  );
}

/** Mounts the market-data routes on `app` (see the module comment). */
export function mountDataRoutes(app: OpenAPIHono, deps: AppDeps): void {
  mountListAndQuality(app);
  mountAlerts(app, deps);
  mountSymbol(app);
  mountDataWriteRoutes(app, deps);
}
