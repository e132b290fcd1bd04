/**
 * What a strategy run is reported with (docs/backtest.md, "Returns and measures"): the daily
 * time-weighted returns with flows at the end of the day, TWR, MWR (XIRR), the analytics
 * metric set on the daily returns (252 a year) and the deepest drawdowns of the TWR wealth path.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { daysBetween } from '../calendar/iso-date.ts';
import { drawdownTable, valuesFromReturns } from '../analytics/drawdown.ts';
import { computeMetrics, type MetricReport } from '../analytics/metric-set.ts';
import type { ValuationPoint } from '../analytics/time-weighted-return.ts';
import { annualizeTwr, mwrOf, type MwrBasis } from '../performance/returns.ts';
import type { ReturnSeries } from '../series/types.ts';
import type { StrategyRun } from './types.ts';

/** Trading rows a year: the cash accrual and the metric set use it. */
export const ROWS_PER_YEAR = 252;

/** One drawdown episode of the TWR wealth path, dated by row. */
export interface BacktestDrawdown {
  /** Fall from the peak, a positive decimal (0.25 = −25 %). */
  readonly depth: number;
  readonly peak: IsoDate;
  readonly trough: IsoDate;
  /** First date back at the peak, null while not recovered. */
  readonly recovery: IsoDate | null;
  readonly peakToTroughRows: number;
  /** Rows from peak to recovery (or to the last row when not recovered). */
  readonly durationRows: number;
}

/** The measures of one run. */
export interface RunSummary {
  /** Daily TWR sub-period returns, rows 1.. (to the stop when the strategy stopped). */
  readonly returns: ReturnSeries;
  /** Π(1 + r) − 1: the window's own time-weighted return. */
  readonly twr: number;
  /** Geometric on 252 rows a year; null for a window of a year or less (GIPS). */
  readonly twrAnnualized: number | null;
  /** XIRR: annual over more than a year, else the window's own return (`mwrBasis`). */
  readonly mwr: number | null;
  readonly mwrBasis: MwrBasis;
  /** Why the MWR is null (no root, or flows of one sign only). */
  readonly mwrUndefined?: string;
  readonly windowDays: number;
  /** The analytics metric set of `returns`; null with fewer than 2 returns. */
  readonly metrics: MetricReport | null;
  readonly drawdowns: readonly BacktestDrawdown[];
}

/** Options of {@link summarizeRun}. */
export interface SummaryOptions {
  /** Annual risk-free rate for Sharpe and Sortino (the cash rate). */
  readonly riskFreeRateAnnual: number;
  /** Daily benchmark returns for the benchmark-relative metrics. */
  readonly benchmark?: ReturnSeries | undefined;
  /** Drawdown episodes kept, deepest first (default 10). */
  readonly topDrawdowns?: number;
}

/**
 * Daily returns with flows at the end of the day: r_t = (V_t − F_t) / V_{t−1} − 1 for rows
 * 1..end, the first measured from the money invested (so the first purchase's costs count),
 * ending at the stop row when the strategy stopped. A loss of more than everything counts as
 * −100 % (what is still owed is in `stopped.value`).
 */
export function runReturns(run: StrategyRun): ReturnSeries {
  const end = run.stopped?.row ?? run.dates.length - 1;
  const out: { date: IsoDate; value: number }[] = [];
  for (let t = 1; t <= end; t++) {
    const base = t === 1 ? run.initial : run.values[t - 1]!;
    out.push({
      date: run.dates[t]!,
      value: Math.max(-1, (run.values[t]! - run.flows[t]!) / base - 1),
    });
  }
  return out;
}

/** Valuation points for the MWR: the money invested on row 0, then each row's value and flow. */
export function runPoints(run: StrategyRun): ValuationPoint[] {
  const points: ValuationPoint[] = [{ date: run.dates[0]!, value: run.initial }];
  for (let t = 1; t < run.dates.length; t++)
    points.push({ date: run.dates[t]!, value: run.values[t]!, flow: run.flows[t]! });
  return points;
}

function drawdowns(run: StrategyRun, returns: ReturnSeries, top: number): BacktestDrawdown[] {
  const wealth = valuesFromReturns(returns.map((p) => p.value));
  return drawdownTable(wealth, top).map((e) => ({
    depth: e.depth,
    peak: run.dates[e.peakIndex]!,
    trough: run.dates[e.troughIndex]!,
    recovery: e.recoveryIndex === null ? null : run.dates[e.recoveryIndex]!,
    peakToTroughRows: e.peakToTroughPeriods,
    durationRows: e.durationPeriods,
  }));
}

/** The {@link RunSummary} of `run` (module comment). */
export function summarizeRun(run: StrategyRun, options: SummaryOptions): RunSummary {
  const returns = runReturns(run);
  let growth = 1;
  for (const p of returns) growth *= 1 + p.value;
  const twr = growth - 1;
  const from = run.dates[0]!;
  const to = run.dates.at(-1)!;
  const mwr = mwrOf(runPoints(run));
  return {
    returns,
    twr,
    twrAnnualized: annualizeTwr(twr, { from, to, n: returns.length }),
    mwr: 'mwr' in mwr ? mwr.mwr : null,
    mwrBasis: mwr.basis,
    ...('reason' in mwr ? { mwrUndefined: mwr.reason } : {}),
    windowDays: daysBetween(from, to),
    metrics:
      returns.length < 2
        ? null
        : computeMetrics(returns, {
            periodsPerYear: ROWS_PER_YEAR,
            riskFreeRateAnnual: options.riskFreeRateAnnual,
            ...(options.benchmark ? { benchmark: options.benchmark } : {}),
          }),
    drawdowns: drawdowns(run, returns, options.topDrawdowns ?? 10),
  };
}
