/**
 * Use case `demo`: the bundled illustrative ledger (data/demo/transactions.csv) shown through
 * the other use cases — its holdings, positions, lots and realised gains (`positions`), its
 * economic exposures (`exposures`), its ex-ante risk on the bundled monthly real exposure
 * returns (`risk`, Ledoit-Wolf) and an equity shock of −30 % through the fund definitions
 * (`stress`). Offline: no provider is called. Holdings are valued at the latest close the
 * store holds on or before today for each fund, else at the ledger's last trade price; the
 * `valuation` note says which (`N of M funds at stored closes …`, or that nothing is stored).
 *
 * @example
 * ```ts
 * const doc = await demo({}, deps);
 * doc.risk.stress.totalPnl; // dollars lost if every equity exposure fell 30 %
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import type { Warning } from '../domain/warnings.ts';
import { DEMO_LEDGER } from './demo-ledger.ts';
import type { AppDeps } from './deps.ts';
import { exposures, type ExposuresDocument } from './exposures.ts';
import { parseInput } from './input.ts';
import { loadPortfolio } from './portfolio-input.ts';
import { pricingFields, type PortfolioPricing, type PricingDocument } from './portfolio-pricing.ts';
import { positions, type PositionsDocument } from './positions.ts';
import { risk } from './risk.ts';
import { roundCents } from './rounding.ts';
import { stress } from './stress.ts';

export { DEMO_LEDGER };

/** The equity shock the demo shows. */
export const DEMO_SHOCK = 'equity=-0.3';

function range(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} to ${sorted.at(-1)}`;
}

/** What the demo's valuation actually used, in one sentence (see the module comment). */
export function valuationNote(pricing: PortfolioPricing): string {
  const { used, of } = pricing.storedCloses;
  if (used === 0)
    return `Offline valuation: the store holds no close for the demo's ${of} funds on or before ${pricing.asOf}, so each fund is valued at the last trade price in the demo ledger (labelled per line).`;
  const sources = [...new Set(pricing.closes.map((c) => c.source))].join(', ');
  const stale = pricing.warnings.length > 0 ? ' Some are stale: see the warning.' : '';
  const rest =
    used === of ? '' : `; the other ${of - used} at the last trade price in the demo ledger`;
  return `Offline valuation: ${used} of ${of} funds at stored closes of ${range(pricing.closes.map((c) => c.date))} (from ${sources}, the latest on or before ${pricing.asOf})${rest} (labelled per line).${stale}`;
}

/** Input of {@link demo}: nothing (the demo is fixed). */
export const demoInputSchema = z.object({}).strict();

/** What callers pass to {@link demo}. */
export type DemoInput = z.input<typeof demoInputSchema>;

/** The demo's risk summary (`risk` in the document). */
export interface DemoRisk {
  readonly volatilityAnnual: number;
  readonly valueAtRisk1y: { confidence: number; var: number; cvar: number; varAmount: number };
  /** The three largest exposure contributions to volatility, as shares of it. */
  readonly largestContributions: { exposure: string; percent: number }[];
  readonly covariance: string;
  readonly stress: {
    shock: string;
    totalPnl: number;
    totalReturn: number;
    byAccount: { account: string; pnl: number; return: number | null }[];
  };
}

/** One holding of the demo over all accounts, valued (dollars; price per share unrounded). */
export interface DemoHolding {
  readonly symbol: string;
  readonly quantity: number;
  readonly price: number;
  readonly priceSource: string;
  readonly priceDate: string | null;
  readonly marketValue: number;
  readonly costBasis: number;
  readonly unrealizedGain: number;
}

/** The `demo` document (the CLI's `--format json`). */
export interface DemoDocument {
  readonly ledger: string;
  readonly valuation: string;
  readonly holdings: readonly DemoHolding[];
  readonly positions: PositionsDocument;
  readonly exposures: ExposuresDocument;
  readonly risk: DemoRisk;
  /** Stored closes used and their provenance; present only when a stored close priced a fund. */
  readonly pricing?: PricingDocument;
  /** Valuation warnings (`STALE_PRICE`); present with `pricing`. */
  readonly warnings?: readonly Warning[];
}

async function demoRisk(deps: AppDeps): Promise<DemoRisk> {
  const transactions = { path: DEMO_LEDGER };
  const [doc, shocked] = await Promise.all([
    risk({ transactions, covariance: 'ledoit-wolf', source: 'sample', confidence: 0.95 }, deps),
    stress(
      {
        transactions,
        name: DEMO_SHOCK,
        shocks: [{ target: 'equity', kind: 'return', size: -0.3, text: DEMO_SHOCK }],
      },
      deps,
    ),
  ]);
  const shock = shocked.scenarios[0]!;
  if ('error' in shock)
    throw new BallastError('INTERNAL', `demo shock failed: ${shock.error.message}`);
  return {
    volatilityAnnual: doc.volatilityAnnual,
    valueAtRisk1y: {
      confidence: doc.valueAtRisk.confidence,
      var: doc.valueAtRisk.oneYear.var,
      cvar: doc.valueAtRisk.oneYear.cvar,
      varAmount: doc.valueAtRisk.oneYear.varAmount,
    },
    largestContributions: [...doc.byExposure]
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 3)
      .map((e) => ({ exposure: e.exposure, percent: e.percent })),
    covariance: `${doc.covariance.method} of ${doc.covariance.periods} monthly real exposure returns ${doc.covariance.from}..${doc.covariance.to} (bundled sample)`,
    stress: {
      shock: DEMO_SHOCK,
      totalPnl: shock.totalPnl,
      totalReturn: shock.totalReturn,
      byAccount: shock.byAccount.map((a) => ({ account: a.account, pnl: a.pnl, return: a.return })),
    },
  };
}

/** The demo portfolio through positions, exposures, risk and stress (see the module comment). */
export async function demo(raw: DemoInput, deps: AppDeps): Promise<DemoDocument> {
  parseInput(demoInputSchema, raw);
  const transactions = { path: DEMO_LEDGER };
  const { valuation, pricing } = await loadPortfolio({ transactions, lotMethod: 'fifo' }, deps);
  return {
    ledger: 'data/demo/transactions.csv',
    valuation: valuationNote(pricing),
    holdings: valuation.positions.map((p) => ({
      symbol: p.symbol,
      quantity: p.quantity,
      price: p.price,
      priceSource: p.priceSource,
      priceDate: p.priceDate ?? null,
      marketValue: roundCents(p.marketValue),
      costBasis: roundCents(p.costBasis),
      unrealizedGain: roundCents(p.unrealizedGain),
    })),
    positions: positions({ transactions }),
    exposures: await exposures({ transactions }, deps),
    risk: await demoRisk(deps),
    ...pricingFields(pricing),
  };
}
