/**
 * Daily price returns: the change of the unadjusted close corrected for splits, without
 * dividends: r_t = P_t / (P_{t−1} / s_t) − 1 (2-for-1 split day 100 → 50: 50/(100/2) − 1 = 0).
 * Computed from unadjusted closes only (an adjusted close already contains dividends).
 */

import type { PriceBar } from '../market/types.ts';
import type { ReturnSeries } from './types.ts';
import { assertBarsUsable } from './validate-bars.ts';

/** Simple split-corrected price returns from ascending bars; n bars give n − 1 returns. */
export function priceReturns(bars: readonly PriceBar[]): ReturnSeries {
  assertBarsUsable('bars', bars);
  return bars.slice(1).map((bar, i) => {
    const previous = bars[i];
    if (!previous) throw new RangeError('unreachable: previous bar');
    return { date: bar.date, value: bar.close / (previous.close / bar.split) - 1 };
  });
}
