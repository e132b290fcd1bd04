/** The text of a document's `pricing` block: which stored closes priced the portfolio. */

import type { PricingDocument } from '../../app/exposures.ts';
import { fmtPrice } from './numbers.ts';

/**
 * Lines describing the stored closes a valuation used (none when `pricing` is absent), e.g.
 * `Prices: 2 of 3 held symbols at stored closes on or before 2024-06-20 (first found: …)` then
 * one line per close with its source, date, fetch time and age.
 */
export function pricingLines(pricing: PricingDocument | undefined): string[] {
  if (pricing === undefined) return [];
  const { used, of } = pricing.storedCloses;
  return [
    `Prices: ${used} of ${of} held symbols at stored closes on or before ${pricing.asOf} (first found: ${pricing.precedence.join(', ')})`,
    ...pricing.closes.map(
      (c) =>
        `  ${c.symbol} ${fmtPrice(c.price)}: ${c.source} close of ${c.date}, fetched ${c.fetchedAt}, ${c.ageTradingDays} trading day${c.ageTradingDays === 1 ? '' : 's'} old`,
    ),
  ];
}
