/**
 * Daily total returns of an instrument from its price bars (docs/conventions.md, "Returns").
 *
 * - `method: 'unadjusted'`: r_t = (P_t + D_t) / (P_{t−1} / s_t) − 1 with P the unadjusted
 *   close, D_t the cash dividend per share on its ex-date t and s_t the split ratio effective
 *   on t (2 for 2-for-1). Example: 100 → 99 with a 1.50 dividend gives 100.5/100 − 1 = +0.5 %;
 *   100 → 50 on a 2-for-1 split gives 50/(100/2) − 1 = 0 %.
 * - `method: 'adjusted'`: r_t = A_t / A_{t−1} − 1 with A the provider's split- and
 *   dividend-adjusted close; dividends are **not** added again.
 *
 * The first bar only anchors the series (a dividend or split on it is ignored), so n bars give
 * n − 1 returns labelled by the later bar's date. Nothing is filled: a gap in the bars makes
 * the next return span the gap.
 */

import { invalidInput } from '../errors.ts';
import type { PriceBar } from '../market/types.ts';
import type { ReturnSeries } from './types.ts';
import { assertBarsUsable } from './validate-bars.ts';

/** Which close a total return is computed from. */
export type AdjustmentMethod = 'unadjusted' | 'adjusted';

/** Options of {@link totalReturns}. */
export interface TotalReturnOptions {
  /** `unadjusted` = close + dividend + split (recommended); `adjusted` = adjusted close. */
  readonly method: AdjustmentMethod;
}

/** One step of the unadjusted total-return formula, shared with the quality checks. */
export function unadjustedTotalReturn(previous: PriceBar, current: PriceBar): number {
  return (current.close + current.dividend) / (previous.close / current.split) - 1;
}

function adjustedCloses(bars: readonly PriceBar[]): number[] {
  return bars.map((bar, index) => {
    const adj = bar.adjClose;
    if (adj === undefined) {
      throw invalidInput(
        `bars[${index}].adjClose`,
        adj,
        `method 'adjusted' needs an adjusted close on every bar; missing on ${bar.date}`,
      );
    }
    if (!Number.isFinite(adj) || adj <= 0) {
      throw invalidInput(`bars[${index}].adjClose`, adj, `must be positive on ${bar.date}`);
    }
    return adj;
  });
}

/**
 * Simple daily total returns (decimals) from ascending price bars; see the module comment for
 * the formulas. Throws `INVALID_INPUT` on unusable bars and, for `adjusted`, on the first bar
 * without an adjusted close (the message names its date).
 */
export function totalReturns(bars: readonly PriceBar[], options: TotalReturnOptions): ReturnSeries {
  assertBarsUsable('bars', bars);
  if (options.method === 'adjusted') {
    const adj = adjustedCloses(bars);
    return bars.slice(1).map((bar, i) => ({
      date: bar.date,
      value: (adj[i + 1] ?? Number.NaN) / (adj[i] ?? Number.NaN) - 1,
    }));
  }
  return bars.slice(1).map((bar, i) => {
    const previous = bars[i];
    if (!previous) throw new RangeError('unreachable: previous bar');
    return { date: bar.date, value: unadjustedTotalReturn(previous, bar) };
  });
}
