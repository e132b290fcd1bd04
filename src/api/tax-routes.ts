/**
 * `/api/v1/portfolios/{id}/tax/…`: the tax reports of a stored portfolio — the documents of
 * `ballast tax <report> --portfolio NAME --format json`, each from its use case given the name
 * of the portfolio the path names. They are GET analyses like `exposures`
 * (`portfolio-analysis-routes.ts`): scalar inputs are query parameters, a small file is its text
 * in a parameter, and the use case's schema validates everything once (a bad value is the
 * INVALID_INPUT the CLI gives, naming the field).
 *
 * - `tax/harvest`: tax-loss harvesting candidates, the purchases that would wash them, and
 *   substitutes (`taxHarvest`). The portfolio's stored accounts say which accounts are taxable;
 *   `equivalents` (CSV `symbol,group`), `funds` (or `fundsStored`) and `prices` may be given as
 *   text.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { taxHarvest, taxHarvestInputSchema } from '../app/tax-harvest.ts';
import { mountQuery, type QueryRoute } from './portfolio-analysis-routes.ts';

const text = (what: string) => z.string().optional().describe(`${what} (the file's text)`);

const TAX_ROUTES: readonly QueryRoute[] = [
  {
    name: 'tax/harvest',
    summary:
      'Tax-loss harvesting: lots of taxable accounts at a loss with their estimated saving, the purchases (any account) that would wash them, and substitutes within an exposure tolerance',
    query: taxHarvestInputSchema
      .pick({
        asOf: true,
        lotMethod: true,
        threshold: true,
        tolerance: true,
        shortRate: true,
        longRate: true,
      })
      .extend({
        equivalents: text('Equivalents CSV symbol,group; default every symbol its own group'),
        funds: text('Fund definitions YAML for substitutes; default the shipped config/funds.yaml'),
        fundsStored: z
          .string()
          .optional()
          .describe(
            'Fund definitions stored with PUT /api/v1/funds/stored/{name}, instead of funds',
          ),
        prices: text('Prices CSV symbol,price[,date][,source], first choice for valuation'),
      }),
    texts: ['equivalents', 'funds', 'prices'],
    numbers: ['threshold', 'tolerance', 'shortRate', 'longRate'],
    stored: { fundsStored: 'funds' },
    run: taxHarvest,
    errors: {},
    document: 'The `tax harvest --portfolio` document',
  },
];

/** Mounts the tax reports of a stored portfolio on `app` (see the module comment). */
export function mountTaxRoutes(app: OpenAPIHono, deps: AppDeps): void {
  for (const route of TAX_ROUTES) mountQuery(app, deps, route);
}
