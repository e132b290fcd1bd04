/**
 * One entry point for the return kinds computed from price bars alone, as a discriminated
 * union (the `ballast returns --kind total|price|log` cases). `real` and `excess` need a
 * second series and live in `real-excess.ts`.
 */

import type { PriceBar } from '../market/types.ts';
import { logReturns } from './log-returns.ts';
import { priceReturns } from './price-returns.ts';
import { totalReturns, type AdjustmentMethod } from './total-returns.ts';
import type { ReturnSeries } from './types.ts';

/** Which return to compute from bars. */
export type BarReturnOptions =
  | { readonly kind: 'total'; readonly method: AdjustmentMethod }
  | { readonly kind: 'price' }
  | { readonly kind: 'log'; readonly method: AdjustmentMethod };

/**
 * Daily returns of `options.kind` from ascending bars: `total` and `price` are simple
 * returns, `log` is ln(1 + total return). See {@link totalReturns} for the conventions.
 */
export function barReturns(bars: readonly PriceBar[], options: BarReturnOptions): ReturnSeries {
  switch (options.kind) {
    case 'total':
      return totalReturns(bars, { method: options.method });
    case 'price':
      return priceReturns(bars);
    case 'log':
      return logReturns(bars, { method: options.method });
  }
}
