/**
 * The `performance` document: the domain's {@link PerformanceReport} with money rounded to cents
 * and returns to 12 significant digits (docs/conventions.md, "Units"), attribution as plain
 * contributions by position, flags as they are and as warnings.
 */

import type { PerformanceCurrencyDocument } from './performance-currency.ts';
import { centsToDollars } from '../domain/ledger/money.ts';
import type { AfterTax } from '../domain/performance/after-tax.ts';
import type { PositionAttribution } from '../domain/performance/attribution.ts';
import type {
  PerformanceFlag,
  PerformanceReport,
} from '../domain/performance/performance-report.ts';
import type { MwrBasis } from '../domain/performance/returns.ts';
import type { Warning } from '../domain/warnings.ts';
import type { DailySeries } from './performance-chart.ts';
import { roundCents, roundFine } from './rounding.ts';

const fine = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : roundFine(x);

/** One calendar period of the document. */
export interface PerformancePeriod {
  /** `2024-03`, `2024-Q1` or `2024`. */
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly twr: number;
  readonly benchmarkTwr?: number;
  readonly flows: number;
  readonly endValue: number;
}

/** Carino-linked contributions by position (symbols, then `cash/other`). */
export interface AttributionDocument {
  readonly method: PositionAttribution['method'];
  /** Over the whole window; they add up to `twr`. */
  readonly total: Record<string, number>;
  /** Within each period of the period table; each adds up to that period's `twr`. */
  readonly periods: readonly { period: string; contributions: Record<string, number> }[];
}

/**
 * The after-tax view (`domain/performance/after-tax.ts`, docs/tax.md "After-tax return"): the
 * taxable accounts' realised gains (wash sales applied) and income of the window, the tax they
 * would cost at the given rates (the window treated as one tax year, dividends as qualified),
 * and the Modified Dietz return with and without that tax. Money in dollars.
 */
export interface AfterTaxDocument {
  readonly realizedShortTerm: number;
  readonly realizedLongTerm: number;
  readonly dividends: number;
  readonly interest: number;
  /** Negative when a net capital loss is deducted from ordinary income (a saving). */
  readonly estimatedTax: number;
  /** (change − estimatedTax) / (startValue + Σ wᵢ Fᵢ); null when the denominator is not positive. */
  readonly return: number | null;
  /** change / (startValue + Σ wᵢ Fᵢ), the same Modified Dietz without the tax. */
  readonly pretaxReturn: number | null;
  /** pretaxReturn − return. */
  readonly drag: number | null;
}

/** The after-tax block: cents to dollars, returns to 12 significant digits. */
export function afterTaxDocument(a: AfterTax): AfterTaxDocument {
  return {
    realizedShortTerm: centsToDollars(a.realizedShortTermCents),
    realizedLongTerm: centsToDollars(a.realizedLongTermCents),
    dividends: centsToDollars(a.dividendsCents),
    interest: centsToDollars(a.interestCents),
    estimatedTax: centsToDollars(a.estimatedTaxCents),
    return: fine(a.return),
    pretaxReturn: fine(a.pretaxReturn),
    drag: fine(a.drag),
  };
}

/** The `performance` document (the CLI's `--format json`); money in dollars. */
export interface PerformanceDocument {
  readonly from: string;
  readonly to: string;
  readonly startValue: number;
  readonly endValue: number;
  readonly netFlows: number;
  /** Time-weighted return over the window, not annualised. */
  readonly twr: number;
  /** Geometric annual TWR; null when the window is a year or shorter (not annualised, GIPS). */
  readonly twrAnnualized: number | null;
  /** Money-weighted return: per year when `mwrBasis` is `annual`, for the window when `period`. */
  readonly mwr: number | null;
  /** `period` for a window of 365 days or less: returns are not annualised (GIPS). */
  readonly mwrBasis: MwrBasis;
  /** Calendar days from the base close to `to`. */
  readonly windowDays: number;
  readonly benchmark?: { readonly symbol: string; readonly twr: number; readonly excess: number };
  readonly periods: readonly PerformancePeriod[];
  /**
   * Economic P&L from the ledger replayed WITHOUT the wash-sale rule: a disallowed loss only
   * moves between realised and the replacement's unrealised P&L (or is lost to an IRA), so
   * end value − flows = realised + unrealised + income − fees holds; the taxable, wash-sale
   * view is `afterTax`.
   */
  readonly pnl: {
    readonly realizedShortTerm: number;
    readonly realizedLongTerm: number;
    readonly unrealized: number;
    readonly income: number;
    readonly fees: number;
  };
  readonly accounts: readonly {
    readonly account: string;
    readonly endValue: number;
    readonly twr: number | null;
  }[];
  readonly attribution: AttributionDocument;
  /** What was done instead of failing (structured), as in the domain report. */
  readonly flags: readonly PerformanceFlag[];
  /** The flags and data warnings (stale prices) as `{ code, message, details }`. */
  readonly warnings: readonly Warning[];
  /**
   * A ledger in several currencies: the TWR in local currency and the currency effect apart
   * (`performance-currency.ts`; docs/currencies.md). Absent for a single-currency ledger.
   */
  readonly currency?: PerformanceCurrencyDocument;
  /** With `taxRates`: the after-tax view of the window. */
  readonly afterTax?: AfterTaxDocument;
  /** The daily series, when asked for (`daily: true`; `performance-chart.ts`). */
  readonly daily?: DailySeries;
}

/** The attribution block: `{ method, total: { SYMBOL: c, … }, periods: [{ period, contributions }] }`. */
export function attributionDocument(attribution: PositionAttribution): AttributionDocument {
  const round = (c: Readonly<Record<string, number>>): Record<string, number> =>
    Object.fromEntries(attribution.positions.map((p) => [p, roundFine(c[p] ?? 0)]));
  return {
    method: attribution.method,
    total: round(attribution.total.contributions),
    periods: attribution.periods.map((p) => ({
      period: p.period,
      contributions: round(p.contributions),
    })),
  };
}

/** The document of `report`, with `warnings` (data warnings first, then the report's). */
export function performanceDocument(
  report: PerformanceReport,
  warnings: readonly Warning[] = [],
): PerformanceDocument {
  return {
    from: report.from,
    to: report.to,
    startValue: roundCents(report.startValue),
    endValue: roundCents(report.endValue),
    netFlows: roundCents(report.netFlows),
    twr: roundFine(report.twr),
    twrAnnualized: fine(report.twrAnnualized),
    mwr: fine(report.mwr),
    mwrBasis: report.mwrBasis,
    windowDays: report.windowDays,
    ...(report.benchmark
      ? {
          benchmark: {
            symbol: report.benchmark.symbol,
            twr: roundFine(report.benchmark.twr),
            excess: roundFine(report.benchmark.excess),
          },
        }
      : {}),
    periods: report.periods.map((p) => ({
      period: p.period,
      start: p.start,
      end: p.end,
      twr: roundFine(p.twr),
      ...(p.benchmarkTwr === undefined ? {} : { benchmarkTwr: roundFine(p.benchmarkTwr) }),
      flows: roundCents(p.flows),
      endValue: roundCents(p.endValue),
    })),
    pnl: {
      realizedShortTerm: roundCents(report.pnl.realizedShortTerm),
      realizedLongTerm: roundCents(report.pnl.realizedLongTerm),
      unrealized: roundCents(report.pnl.unrealized),
      income: roundCents(report.pnl.income),
      fees: roundCents(report.pnl.fees),
    },
    accounts: report.accounts.map((a) => ({
      account: a.account,
      endValue: roundCents(a.endValue),
      twr: fine(a.twr),
    })),
    attribution: attributionDocument(report.attribution),
    flags: report.flags,
    warnings: [...warnings, ...report.warnings],
  };
}
