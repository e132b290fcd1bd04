/**
 * The risk-premium view: the same assets as total, excess-of-cash and real return
 * panels on identical dates, so every estimator can be run on each and reported side by side.
 * Per period, with total return r, cash return r_f and inflation π (all simple decimals over
 * the same period, docs/conventions.md "Returns"):
 *
 * - excess (`geometric`, default, the decomposition's premium): (1 + r)/(1 + r_f) − 1;
 *   (`arithmetic`): r − r_f — the result states which;
 * - real (exact Fisher): (1 + r)/(1 + π) − 1.
 *
 * Alignment is the common window: the dates on which every asset, the cash series and the
 * inflation series all have a value; nothing is filled. Dates that the assets share but cash
 * or inflation lack are dropped and counted in a warning.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import { alignCommon, type AlignedTable, type NamedSeries } from '../series/align-common.ts';
import {
  arithmeticExcessReturn,
  geometricExcessReturn,
  realReturn,
  type ExcessMethod,
} from '../series/real-excess.ts';
import type { ReturnSeries } from '../series/types.ts';
import { assertReturnSeries } from '../series/validate-series.ts';
import { warning, type Warning } from '../warnings.ts';

/** Total returns per asset, the cash return and inflation per period. */
export interface RiskPremiumInput {
  readonly returns: readonly NamedSeries[];
  /** Cash (risk-free) return per period, e.g. from `yieldToDailyReturns`. */
  readonly riskFree: ReturnSeries;
  /** Inflation per period (CPI ratio, release-lagged), e.g. from `periodInflation` / `dailyInflation`. */
  readonly inflation: ReturnSeries;
}

/** Options of {@link riskPremiumPanels}. */
export interface RiskPremiumOptions {
  /** Excess-return convention; default `geometric`. */
  readonly excessMethod?: ExcessMethod;
}

/** Three panels on the same ids and dates, plus the aligned cash and inflation. */
export interface RiskPremiumPanels {
  readonly total: AlignedTable;
  readonly excess: AlignedTable;
  readonly real: AlignedTable;
  /** Cash return on `total.dates`. */
  readonly riskFree: Float64Array;
  /** Inflation on `total.dates`. */
  readonly inflation: Float64Array;
  readonly excessMethod: ExcessMethod;
  /** `DATES_DROPPED_NO_CASH_OR_INFLATION` when common asset dates lack cash or inflation. */
  readonly warnings: readonly Warning[];
}

/** Aligns and transforms; throws `INSUFFICIENT_DATA` when no date has all inputs. */
export function riskPremiumPanels(
  input: RiskPremiumInput,
  options: RiskPremiumOptions = {},
): RiskPremiumPanels {
  assertReturnSeries('riskFree', input.riskFree);
  assertReturnSeries('inflation', input.inflation);
  const assets = alignCommon(input.returns);
  const cash = new Map(input.riskFree.map((p) => [p.date, p.value]));
  const prices = new Map(input.inflation.map((p) => [p.date, p.value]));
  const keep: number[] = [];
  assets.dates.forEach((date, t) => {
    if (cash.has(date) && prices.has(date)) keep.push(t);
  });
  if (keep.length === 0) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `no date has asset returns, a cash return and inflation (assets ${assets.dates[0]}..${assets.dates.at(-1)})`,
      { assets: assets.ids },
    );
  }
  const dates: IsoDate[] = keep.map((t) => assets.dates[t]!);
  const riskFree = Float64Array.from(dates, (d) => cash.get(d)!);
  const inflation = Float64Array.from(dates, (d) => prices.get(d)!);
  const totalColumns = assets.columns.map((column) => Float64Array.from(keep, (t) => column[t]!));
  const excessMethod = options.excessMethod ?? 'geometric';
  const excess = excessMethod === 'geometric' ? geometricExcessReturn : arithmeticExcessReturn;
  const panel = (columns: Float64Array[]): AlignedTable => ({ ids: assets.ids, dates, columns });
  const warnings: Warning[] = [];
  const dropped = assets.dates.length - keep.length;
  if (dropped > 0) {
    warnings.push(
      warning(
        'DATES_DROPPED_NO_CASH_OR_INFLATION',
        `${dropped} of ${assets.dates.length} common asset dates dropped: no cash return or inflation on them`,
        { dropped, dates: assets.dates.length },
      ),
    );
  }
  return {
    total: panel(totalColumns),
    excess: panel(totalColumns.map((c) => c.map((r, t) => excess(r, riskFree[t]!)))),
    real: panel(totalColumns.map((c) => c.map((r, t) => realReturn(r, inflation[t]!)))),
    riskFree,
    inflation,
    excessMethod,
    warnings,
  };
}
