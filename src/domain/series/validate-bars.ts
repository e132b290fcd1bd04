/**
 * Checks on price bars before returns are computed from them: strictly ascending ISO dates,
 * finite positive closes, finite non-negative dividends, finite positive split ratios.
 * A bar that fails throws `INVALID_INPUT` naming the field, index and date. (The data-quality
 * report, by contrast, lists such problems instead of throwing.)
 */

import { invalidInput } from '../errors.ts';
import type { PriceBar } from '../market/types.ts';
import { assertAscendingDates } from './validate-series.ts';

/** Throws `INVALID_INPUT` on the first bar unusable for return computation. */
export function assertBarsUsable(field: string, bars: readonly PriceBar[]): void {
  assertAscendingDates(field, bars);
  bars.forEach((bar, index) => {
    const at = `${field}[${index}]`;
    if (!Number.isFinite(bar.close) || bar.close <= 0) {
      throw invalidInput(`${at}.close`, bar.close, `close must be positive on ${bar.date}`);
    }
    if (!Number.isFinite(bar.dividend) || bar.dividend < 0) {
      throw invalidInput(`${at}.dividend`, bar.dividend, `dividend must be ≥ 0 on ${bar.date}`);
    }
    if (!Number.isFinite(bar.split) || bar.split <= 0) {
      throw invalidInput(`${at}.split`, bar.split, `split ratio must be positive on ${bar.date}`);
    }
  });
}
