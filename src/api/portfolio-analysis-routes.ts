/**
 * `/api/v1/portfolios/{id}/…`: the analyses of a stored portfolio — the documents of `ballast
 * exposures|risk|performance|stress|rebalance|plan --portfolio NAME --format json` and of
 * `ballast portfolio holdings|summary NAME --format json`, each from its use case given the
 * name of the portfolio the path names (`nameOf`).
 *
 * - GET where every input is a scalar: `holdings`, `summary`, `exposures`, `risk` and
 *   `performance` take query
 *   parameters. A file the CLI reads (`funds`, `prices`, `pricesHistory`) is its text in the
 *   parameter — small files only: a URL is limited to a few KiB by servers and clients; stored
 *   fund definitions are named by `fundsStored` (the input's `funds: { stored }`).
 * - POST where the use case needs structured input: `stress` (shocks, durations, window),
 *   `rebalance` (targets, weights, optimize) and `plan` (moments, objective, candidates) take the
 *   use case's input as a JSON body, files inline as `{ text, name }` (a `{ path }` is refused).
 *   Nothing is stored, but POST needs a `write` key when keys are required, as for `optimize`.
 *
 * `performance` takes the after-tax view's rates as `shortRate`, `longRate`, `stateRate` and
 * `niit` (decimals; `niit` is 0.038 when the tax applies), folded into the input's `taxRates`;
 * the portfolio's stored accounts say which accounts are taxable.
 *
 * The ledger is the path's: `portfolio`, `holdings` and `transactions` in a body are refused.
 * Query values reach the use case as strings (a number parameter as a number when it reads as
 * one); the use case's schema validates everything once, so a bad value is the INVALID_INPUT
 * the CLI gives, naming the field. Every analysis takes `?knownAt=` (valuation and returns from
 * the closes known then, `known-at.ts`).
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { invalidInput } from '../app/errors.ts';
import { exposures, exposuresInputSchema } from '../app/exposures.ts';
import { performance, performanceFieldsSchema } from '../app/performance.ts';
import { plan, planInputSchema } from '../app/plan.ts';
import {
  portfolioHoldings,
  portfolioHoldingsInputSchema,
  type PortfolioHoldingsInput,
} from '../app/portfolio-holdings.ts';
import {
  portfolioSummary,
  portfolioSummaryInputSchema,
  type PortfolioSummaryInput,
} from '../app/portfolio-summary.ts';
import { rebalance, rebalanceInputSchema } from '../app/rebalance.ts';
import { risk, riskInputSchema } from '../app/risk.ts';
import { stress, stressInputSchema } from '../app/stress.ts';
import { requestError } from './errors.ts';
import { knownAtQuery, withKnownAt } from './known-at.ts';
import { BASE, nameOf, params, portfolioBody, TAG } from './portfolio-routes.ts';
import { errorResponses, jsonResponse, mount } from './route.ts';

/** A use case run on a mapped input. */
export type Run = (input: Record<string, unknown>, deps: AppDeps) => Promise<unknown>;

/** One analysis route: `GET|POST /api/v1/portfolios/{id}/<name>`. */
export interface AnalysisRoute {
  readonly name: string;
  readonly summary: string;
  readonly run: Run;
  /** Error statuses beyond the common ones. */
  readonly errors: Readonly<Record<number, string>>;
  /** What the answer is (default: the `<name> --portfolio` document). */
  readonly document?: string;
}

/**
 * A GET analysis: `query` documents the parameters, `texts` carry a file's text, `numbers`
 * numbers, `stored` names a stored definition set (parameter → the input field it fills).
 */
export interface QueryRoute extends AnalysisRoute {
  readonly query: z.ZodObject;
  readonly texts: readonly string[];
  readonly numbers: readonly string[];
  /** Parameters read as booleans: `true` and `false` (anything else goes to the schema as text). */
  readonly booleans?: readonly string[];
  readonly stored?: Readonly<Record<string, string>>;
}

/** A POST analysis: `body` documents the JSON body. */
interface BodyRoute extends AnalysisRoute {
  readonly body: z.ZodObject;
}

/** Fields the path decides: the stored portfolio is the ledger. */
const LEDGER = ['portfolio', 'holdings', 'transactions'] as const;
const OMIT_LEDGER = { portfolio: true, holdings: true, transactions: true } as const;
const PORTFOLIO_QUERY = { asOf: true, lotMethod: true } as const;

const text = (what: string) => z.string().optional().describe(`${what} (the file's text)`);
const FUNDS = text('Fund definitions YAML; default the shipped config/funds.yaml');
const PRICES = text('Prices CSV symbol,price[,date][,source], first choice for valuation');
const FUNDS_STORED = z
  .string()
  .optional()
  .describe('Fund definitions stored with PUT /api/v1/funds/stored/{name}, instead of funds');

const rate = (what: string) => z.number().min(0).lt(1).optional().describe(`After tax: ${what}`);
const RATE_QUERY = {
  shortRate: rate('marginal federal rate on short-term gains and interest (decimal, e.g. 0.32)'),
  longRate: rate('federal rate on long-term gains and dividends (decimal, e.g. 0.15)'),
  stateRate: rate('state rate on all of them (decimal, default 0)'),
  niit: rate('net investment income tax rate (0.038 when it applies, default 0)'),
};
const RATE_PARAMS = Object.keys(RATE_QUERY) as (keyof typeof RATE_QUERY)[];

/**
 * The `performance` input of a query: the rate parameters folded into `taxRates` (a missing
 * federal rate is 0), each checked by its parameter name; a state rate or NIIT alone is refused.
 */
function withTaxRates(query: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...query };
  const given: Partial<Record<(typeof RATE_PARAMS)[number], number>> = {};
  for (const key of RATE_PARAMS) {
    const value = rest[key];
    delete rest[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || value < 0 || value >= 1)
      throw invalidInput(key, value, 'a tax rate is a decimal in [0, 1)');
    given[key] = value;
  }
  if (given.shortRate === undefined && given.longRate === undefined) {
    const alone = RATE_PARAMS.find((k) => given[k] !== undefined);
    if (alone) throw invalidInput(alone, given[alone], 'give shortRate or longRate too');
    return rest;
  }
  const taxRates = {
    shortTerm: given.shortRate ?? 0,
    longTerm: given.longRate ?? 0,
    state: given.stateRate ?? 0,
    niit: given.niit ?? 0,
  };
  return { ...rest, taxRates };
}

const DATA_ERRORS = { 424: 'DATA_UNAVAILABLE: no price or no data for a symbol or exposure' };
const SOLVE_ERRORS = {
  ...DATA_ERRORS,
  422: 'INFEASIBLE, UNBOUNDED, INSUFFICIENT_DATA, NO_ASSET_ABOVE_RISK_FREE',
};

const QUERY_ROUTES: readonly QueryRoute[] = [
  {
    name: 'holdings',
    summary:
      'Positions by account with every open lot priced: cost, market value, unrealised gain, term and days until long-term; totals; realised gains by year',
    query: portfolioHoldingsInputSchema.pick(PORTFOLIO_QUERY),
    texts: [],
    numbers: [],
    run: (input, deps) => portfolioHoldings(input as PortfolioHoldingsInput, deps),
    errors: {},
    document: 'The `portfolio holdings` document',
  },
  {
    name: 'summary',
    summary:
      'Overview: value, cash, cost, gains, income, contributions, economic leverage, and changes over 1D/1M/3M/YTD/1Y at stored closes only',
    query: portfolioSummaryInputSchema
      .pick(PORTFOLIO_QUERY)
      .extend({ funds: FUNDS, fundsStored: FUNDS_STORED }),
    texts: ['funds'],
    numbers: [],
    stored: { fundsStored: 'funds' },
    run: (input, deps) => portfolioSummary(input as PortfolioSummaryInput, deps),
    errors: {},
    document: 'The `portfolio summary` document',
  },
  {
    name: 'exposures',
    summary: 'Economic exposures through the fund definitions (GET: scalar inputs)',
    query: exposuresInputSchema
      .pick(PORTFOLIO_QUERY)
      .extend({ funds: FUNDS, fundsStored: FUNDS_STORED, prices: PRICES }),
    texts: ['funds', 'prices'],
    numbers: [],
    stored: { fundsStored: 'funds' },
    run: exposures,
    errors: {},
  },
  {
    name: 'risk',
    summary: 'Ex-ante volatility, VaR/CVaR and risk contributions (GET: scalar inputs)',
    query: riskInputSchema
      .pick({ ...PORTFOLIO_QUERY, covariance: true, lambda: true, source: true, confidence: true })
      .extend({ funds: FUNDS, fundsStored: FUNDS_STORED, prices: PRICES }),
    texts: ['funds', 'prices'],
    numbers: ['lambda', 'confidence'],
    stored: { fundsStored: 'funds' },
    run: risk,
    errors: DATA_ERRORS,
  },
  {
    name: 'performance',
    summary:
      'TWR, MWR, periods, benchmark, P&L and attribution of the ledger; with rates, the after-tax return (GET: scalar inputs)',
    query: performanceFieldsSchema
      .pick({
        from: true,
        to: true,
        benchmark: true,
        period: true,
        lotMethod: true,
        flowTiming: true,
        daily: true,
      })
      .extend({
        pricesHistory: text('Prices CSV date,symbol,close[,adj_close] instead of the store'),
        ...RATE_QUERY,
      }),
    texts: ['pricesHistory'],
    numbers: RATE_PARAMS,
    booleans: ['daily'],
    run: (input, deps) => performance(withTaxRates(input), deps),
    errors: DATA_ERRORS,
  },
];

const BODY_ROUTES: readonly BodyRoute[] = [
  {
    name: 'stress',
    summary:
      'Stress tests: hypothetical shocks or historical windows (POST: shocks, durations and windows are structured; {} runs every built-in scenario)',
    body: stressInputSchema.omit(OMIT_LEDGER),
    run: stress,
    errors: DATA_ERRORS,
  },
  {
    name: 'rebalance',
    summary:
      'Trade list to target weights: cash-, lot- and tax-aware (POST: targets, weights or an optimisation are structured)',
    body: rebalanceInputSchema.omit(OMIT_LEDGER),
    run: rebalance,
    errors: SOLVE_ERRORS,
  },
  {
    name: 'plan',
    summary:
      'Exposures → funds → trades, the two-stage plan (POST: moments, objective and candidates are structured)',
    body: planInputSchema.omit(OMIT_LEDGER),
    run: plan,
    errors: SOLVE_ERRORS,
  },
];

/** A number parameter as a number when it reads as one, else as given (the schema says why). */
function asNumber(value: string): number | string {
  const x = Number(value);
  return value.trim() !== '' && Number.isFinite(x) ? x : value;
}

/** `true`/`false` as booleans; any other text unchanged, for the schema to refuse by name. */
const asBoolean = (value: string): boolean | string =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The query parameters of a GET route: documented, and how each maps. */
export type QueryParameters = Pick<
  QueryRoute,
  'query' | 'texts' | 'numbers' | 'booleans' | 'stored'
>;

/**
 * The use-case input of a GET analysis: the documented query parameters given, mapped (also
 * the file routes' of `tax-routes.ts`).
 */
export function queryRouteInput(c: Context, route: QueryParameters): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(route.query.shape)) {
    const value = c.req.query(key);
    if (value === undefined) continue;
    const field = route.stored?.[key];
    if (field !== undefined) {
      if (c.req.query(field) !== undefined)
        throw requestError('INVALID_INPUT', key, `give ${field} or ${key}, not both`);
      input[field] = { stored: value };
    } else if (route.texts.includes(key)) input[key] = { text: value, name: `query ${key}` };
    else if (route.booleans?.includes(key)) input[key] = asBoolean(value);
    else input[key] = route.numbers.includes(key) ? asNumber(value) : value;
  }
  return input;
}

/** Mounts one GET analysis (also the tax routes', `tax-routes.ts`). */
export function mountQuery(app: OpenAPIHono, route: QueryRoute): void {
  mount(
    app,
    {
      method: 'get',
      path: `${BASE}/{id}/${route.name}`,
      tags: TAG,
      summary: route.summary,
      request: { params, query: withKnownAt(route.query) },
      responses: {
        200: jsonResponse(route.document ?? `The \`${route.name} --portfolio\` document`),
        ...errorResponses(route.errors),
      },
    },
    async (c, deps) => {
      const portfolio = await nameOf(c, deps);
      return c.json(await route.run({ ...queryRouteInput(c, route), portfolio }, deps));
    },
  );
}

function mountBody(app: OpenAPIHono, route: BodyRoute): void {
  mount(
    app,
    {
      method: 'post',
      path: `${BASE}/{id}/${route.name}`,
      tags: TAG,
      summary: route.summary,
      request: {
        params,
        query: knownAtQuery,
        body: { required: true, content: { 'application/json': { schema: route.body } } },
      },
      responses: {
        200: jsonResponse(`The \`${route.name} --portfolio\` document`),
        ...errorResponses(route.errors),
      },
    },
    async (c, deps) => {
      const portfolio = await nameOf(c, deps);
      const body = await portfolioBody(c, LEDGER);
      return c.json(await route.run({ ...body, portfolio }, deps));
    },
  );
}

/** Mounts the analyses of a stored portfolio on `app` (see the module comment). */
export function mountPortfolioAnalysisRoutes(app: OpenAPIHono): void {
  for (const route of QUERY_ROUTES) mountQuery(app, route);
  for (const route of BODY_ROUTES) mountBody(app, route);
}
