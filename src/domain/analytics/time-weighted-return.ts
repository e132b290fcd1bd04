/**
 * Time-weighted return chain-linked between external flows (docs/conventions.md; GIPS, CFA Institute
 * "true" daily TWR): each sub-period return removes the flow from the growth, so the result
 * does not depend on the size or timing of deposits and withdrawals.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import type { ReturnSeries } from '../series/types.ts';

/** One valuation: value at the END of `date`, with the external flow of that date. */
export interface ValuationPoint {
  readonly date: IsoDate;
  /** Portfolio value at the end of the day (after the flow), in money. */
  readonly value: number;
  /** External flow on this date: deposit > 0, withdrawal < 0 (default 0). */
  readonly flow?: number;
}

/** When a flow enters the portfolio on its date. */
export type FlowTiming = 'startOfDay' | 'endOfDay';

/**
 * Sub-period returns between consecutive valuations, labelled by the later date:
 * - `startOfDay` (default): r_i = V_i / (V_{i−1} + CF_i) − 1 (the flow earns day i's return);
 * - `endOfDay`: r_i = (V_i − CF_i) / V_{i−1} − 1 (the flow arrives after the close).
 * The first point's value is the starting capital (its own flow is already inside it).
 * Throws `INVALID_INPUT` for unsorted dates or a non-positive base (V_{i−1} + CF_i ≤ 0).
 */
export function subPeriodReturns(
  points: readonly ValuationPoint[],
  timing: FlowTiming = 'startOfDay',
): ReturnSeries {
  const out: { date: IsoDate; value: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!;
    const cur = points[i]!;
    if (!(cur.date > prev.date))
      throw invalidInput('points.date', cur.date, 'must be strictly ascending');
    const flow = cur.flow ?? 0;
    const base = timing === 'startOfDay' ? prev.value + flow : prev.value;
    const end = timing === 'startOfDay' ? cur.value : cur.value - flow;
    if (!(base > 0))
      throw invalidInput('points.value', prev.value, `base value on ${cur.date} must be positive`);
    out.push({ date: cur.date, value: end / base - 1 });
  }
  return out;
}

/**
 * Time-weighted return over the whole history: Π_i (1 + r_i) − 1 with the sub-period returns of
 * {@link subPeriodReturns}, i.e. Π V_end,i / (V_end,i−1 + CF_i) − 1 for start-of-day flows.
 * Example (docs/conventions.md): 100 → 110, deposit 100 at the start of the next day, end value 231:
 * 1.10 × 231/(110 + 100) − 1 = 21.00 % (subtracting flows from values would give 31 %).
 */
export function timeWeightedReturn(
  points: readonly ValuationPoint[],
  timing: FlowTiming = 'startOfDay',
): number {
  let g = 1;
  for (const p of subPeriodReturns(points, timing)) g *= 1 + p.value;
  return g - 1;
}
