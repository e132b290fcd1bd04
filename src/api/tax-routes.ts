/**
 * `/api/v1/portfolios/{id}/tax/…`: the tax reports of a stored portfolio — the documents and
 * files of `ballast tax <report> --portfolio NAME`, each from its use case given the name of the
 * portfolio the path names. They are GET analyses like `exposures`
 * (`portfolio-analysis-routes.ts`): scalar inputs are query parameters, a small file is its text
 * in a parameter, and the use case's schema validates everything once (a bad value is the
 * INVALID_INPUT the CLI gives, naming the query parameter). The portfolio's stored accounts say
 * which accounts are taxable (an account listed nowhere is taxable); wash sales are applied
 * across accounts unless `washSales=false` (docs/conventions.md "Wash sales", "Tax reports").
 *
 * - `tax/gains`: realised gains as Form 8949 rows with totals by term (`taxGains`); with
 *   `shortRate` or `longRate` (decimals; `stateRate`, `niit=true` for the 3.8 % net investment
 *   income tax) also the estimated tax. `equivalents` (CSV `symbol,group`) is text.
 * - `tax/form8949`: the same rows as Form 8949, `format=pdf` or `csv` (`taxForm8949`), as an
 *   attachment `form8949-<year>.pdf|csv`.
 * - `tax/txf`: the same rows as a TXF V042 file for tax software (`taxTxf`), as an attachment
 *   `gains-<year>.txf`.
 * - `tax/harvest`: tax-loss harvesting candidates, the purchases that would wash them, and
 *   substitutes (`taxHarvest`, docs/tax-harvest.md); `equivalents`, `funds` (or `fundsStored`)
 *   and `prices` may be given as text.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { invalidInput } from '../app/errors.ts';
import { parseInput } from '../app/input.ts';
import {
  taxForm8949,
  taxForm8949InputSchema,
  taxTxf,
  taxTxfInputSchema,
} from '../app/tax-forms.ts';
import type { TaxFile } from '../app/tax-forms.ts';
import { NIIT_RATE, taxGains, taxGainsInputSchema, type TaxGainsInput } from '../app/tax-gains.ts';
import { taxHarvest, taxHarvestInputSchema } from '../app/tax-harvest.ts';
import {
  mountQuery,
  queryRouteInput,
  type QueryParameters,
  type QueryRoute,
} from './portfolio-analysis-routes.ts';
import { BASE, nameOf, params, TAG } from './portfolio-routes.ts';
import { errorResponses, mount } from './route.ts';

const text = (what: string) => z.string().optional().describe(`${what} (the file's text)`);

const rate = z.number().min(0).lt(1);

/** The rate parameters of `tax/gains`, validated under their own names. */
const ratesQuery = z.object({
  shortRate: rate
    .optional()
    .describe('Marginal federal rate on short-term gains, decimal (0.32); gives the estimate'),
  longRate: rate
    .optional()
    .describe('Federal rate on long-term gains, decimal (0.15); gives the estimate'),
  stateRate: rate.optional().describe('State rate on both terms, decimal (with a federal rate)'),
  niit: z
    .boolean()
    .optional()
    .describe('true: add the 3.8 % net investment income tax (with a federal rate)'),
});

/** The ledger parameters every tax report over Form 8949 rows takes. */
const LEDGER_QUERY = {
  year: true,
  asOf: true,
  lotMethod: true,
  partialLot: true,
  washSales: true,
} as const;
const EQUIVALENTS = text('Equivalents CSV symbol,group; default every symbol its own group');

/** How the ledger parameters map (`queryRouteInput`). */
const LEDGER_MAPPING = {
  texts: ['equivalents'],
  numbers: ['year'],
  booleans: ['washSales'],
} as const;

/** `tax/gains`: the rate parameters become the use case's `rates` (module comment). */
async function gains(input: Record<string, unknown>, deps: AppDeps) {
  const { shortRate, longRate, stateRate, niit, ...rest } = input;
  const r = parseInput(ratesQuery, { shortRate, longRate, stateRate, niit });
  const ledger = rest as TaxGainsInput;
  if (r.shortRate === undefined && r.longRate === undefined) {
    if (r.stateRate !== undefined)
      throw invalidInput('stateRate', r.stateRate, 'give shortRate or longRate with it');
    if (r.niit === true) throw invalidInput('niit', r.niit, 'give shortRate or longRate with it');
    return taxGains(ledger, deps);
  }
  const rates = {
    shortTerm: r.shortRate ?? 0,
    longTerm: r.longRate ?? 0,
    state: r.stateRate ?? 0,
    niit: r.niit === true ? NIIT_RATE : 0,
  };
  return taxGains({ ...ledger, rates }, deps);
}

const TAX_ROUTES: readonly QueryRoute[] = [
  {
    name: 'tax/gains',
    summary:
      'Realised gains as Form 8949 rows (Part I short-term, Part II long-term) with wash sales across accounts, IRA rows left out; totals by term; with rates, the estimated tax',
    query: taxGainsInputSchema
      .pick(LEDGER_QUERY)
      .extend({ equivalents: EQUIVALENTS, ...ratesQuery.shape }),
    ...LEDGER_MAPPING,
    numbers: [...LEDGER_MAPPING.numbers, 'shortRate', 'longRate', 'stateRate'],
    booleans: [...LEDGER_MAPPING.booleans, 'niit'],
    run: gains,
    errors: {},
    document: 'The `tax gains --portfolio` document',
  },
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
        equivalents: EQUIVALENTS,
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

/** A report written as a file: its query, media types, use case and attachment name. */
interface FileRoute extends QueryParameters {
  readonly name: string;
  readonly summary: string;
  /** What the 200 answer is. */
  readonly document: string;
  /** Media type → what the body is. */
  readonly media: Readonly<Record<string, string>>;
  readonly run: (input: Record<string, unknown>, deps: AppDeps) => Promise<TaxFile>;
  /** The attachment's file name, from the (valid) input. */
  readonly filename: (input: Record<string, unknown>) => string;
}

/** `-<year>` when the (valid) input keeps one year, else nothing. */
const yearPart = (input: Record<string, unknown>): string =>
  typeof input['year'] === 'number' ? `-${input['year']}` : '';

const FILE_ROUTES: readonly FileRoute[] = [
  {
    name: 'tax/form8949',
    summary:
      'Form 8949 of the `tax/gains` rows: a PDF laid out like the form (format=pdf) or CSV (format=csv), as an attachment form8949-<year>.pdf|csv',
    query: taxForm8949InputSchema
      .pick({ ...LEDGER_QUERY, format: true, box: true, name: true })
      .extend({ equivalents: EQUIVALENTS }),
    ...LEDGER_MAPPING,
    document: 'Form 8949 as an attachment form8949[-<year>].pdf|csv',
    media: {
      'application/pdf': 'Form 8949 as a PDF (format=pdf)',
      'text/csv': 'Form 8949 rows as CSV (format=csv)',
    },
    run: (input, deps) => taxForm8949(input as Parameters<typeof taxForm8949>[0], deps),
    filename: (input) => `form8949${yearPart(input)}.${input['format'] === 'csv' ? 'csv' : 'pdf'}`,
  },
  {
    name: 'tax/txf',
    summary:
      'The `tax/gains` rows as a TXF V042 file for tax software, as an attachment gains-<year>.txf',
    query: taxTxfInputSchema
      .pick({ ...LEDGER_QUERY, box: true })
      .extend({ equivalents: EQUIVALENTS }),
    ...LEDGER_MAPPING,
    document: 'The TXF V042 file as an attachment gains[-<year>].txf',
    media: { 'application/vnd.intu.txf': 'TXF V042 text' },
    run: (input, deps) => taxTxf(input, deps),
    filename: (input) => `gains${yearPart(input)}.txf`,
  },
];

/** Mounts one file route: the use case's body with its media type, as an attachment. */
function mountFile(app: OpenAPIHono, deps: AppDeps, route: FileRoute): void {
  const content = Object.fromEntries(
    Object.entries(route.media).map(([type, what]) => [
      type,
      { schema: z.string().describe(what) },
    ]),
  );
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}/${route.name}`,
      tags: TAG,
      summary: route.summary,
      request: { params, query: route.query },
      responses: {
        200: { description: route.document, content },
        ...errorResponses(),
      },
    },
    async (c) => {
      const portfolio = await nameOf(c, deps);
      const input = queryRouteInput(c, route);
      const file = await route.run({ ...input, portfolio }, deps);
      const headers = {
        'content-disposition': `attachment; filename="${route.filename(input)}"`,
      };
      if (typeof file.body === 'string')
        return c.body(file.body, 200, {
          ...headers,
          'content-type': `${file.contentType}; charset=utf-8`,
        });
      // A copy on an ArrayBuffer of its own (a Response body cannot be shared memory).
      return c.body(new Uint8Array(file.body), 200, {
        ...headers,
        'content-type': file.contentType,
      });
    },
  );
}

/** Mounts the tax reports of a stored portfolio on `app` (see the module comment). */
export function mountTaxRoutes(app: OpenAPIHono, deps: AppDeps): void {
  for (const route of TAX_ROUTES) mountQuery(app, route);
  for (const route of FILE_ROUTES) mountFile(app, deps, route);
}
