/** Estimated trading costs: proportional basis points plus a fixed amount per trade line. */

import { invalidInput } from '../errors.ts';
import { roundHalfAway, type Cents } from '../ledger/money.ts';
import type { TradeCostModel } from './types.ts';

/** Throws INVALID_INPUT unless bps is finite and ≥ 0 and the fixed cost is whole cents ≥ 0. */
export function checkCostModel(model: TradeCostModel): void {
  const bps = model.proportionalBps ?? 0;
  const fixed = model.fixedPerTradeCents ?? 0;
  if (!Number.isFinite(bps) || bps < 0) {
    throw invalidInput('costs.proportionalBps', bps, 'must be a finite number of basis points ≥ 0');
  }
  if (!Number.isInteger(fixed) || fixed < 0) {
    throw invalidInput('costs.fixedPerTradeCents', fixed, 'must be whole cents ≥ 0');
  }
}

/**
 * Cost of one trade of `grossCents` (> 0): `round(gross × bps / 10 000)` half away from zero,
 * plus the fixed cost. Zero for an empty trade. Result in integer cents.
 */
export function tradeCostCents(grossCents: Cents, model: TradeCostModel): Cents {
  if (grossCents === 0) return 0;
  const proportional = roundHalfAway(
    (Math.abs(grossCents) * (model.proportionalBps ?? 0)) / 10_000,
  );
  return proportional + (model.fixedPerTradeCents ?? 0);
}
