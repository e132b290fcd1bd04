/**
 * Log (continuously compounded) returns: ln(1 + r) of the simple return r over the same
 * period, so a log return of total returns is ln((P_t + D_t)/(P_{t−1}/s_t)). Log returns add
 * across periods; simple returns compound. Convert at the edges, never mix inside.
 */

import type { PriceBar } from '../market/types.ts';
import { totalReturns, type TotalReturnOptions } from './total-returns.ts';
import type { ReturnSeries } from './types.ts';
import { assertReturnSeries } from './validate-series.ts';

/** Simple → log: each value becomes ln(1 + r). Throws `INVALID_INPUT` when some r ≤ −1. */
export function toLogReturns(simple: ReturnSeries): ReturnSeries {
  assertReturnSeries('returns', simple);
  return simple.map((p) => ({ date: p.date, value: Math.log1p(p.value) }));
}

/** Log → simple: each value becomes e^ℓ − 1. */
export function toSimpleReturns(log: ReturnSeries): ReturnSeries {
  assertReturnSeries('returns', log, { simple: false });
  return log.map((p) => ({ date: p.date, value: Math.expm1(p.value) }));
}

/** Daily log total returns ln(1 + r_total) from bars, with the same `method` as totals. */
export function logReturns(bars: readonly PriceBar[], options: TotalReturnOptions): ReturnSeries {
  return totalReturns(bars, options).map((p) => ({ date: p.date, value: Math.log1p(p.value) }));
}
