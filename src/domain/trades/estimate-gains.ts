/**
 * Estimated realised gains of planned orders, lot by lot, with the ledger's own relief
 * (`relieveLots` on copies of the lots) and its conventions: a sale's proceeds are gross minus
 * costs, pro rata over the lots it closes; a cover's cost is gross plus costs against the short
 * lot's proceeds; gains on a long lot are long-term when the trade date is more than one year
 * after acquisition, covers are short-term (IRS Pub. 550). With a planner lot order
 * (`lot-selection.ts`) a sell closes its account's lots in that order, by specific identification.
 * Each trade carries its account's tax type and estimated tax (`tax-cost.ts`).
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { TaxType } from '../ledger/accounts.ts';
import { holdingTerm } from '../ledger/holding-period.ts';
import { prorateCents } from '../ledger/money.ts';
import { relieveLots } from '../ledger/relief.ts';
import type { Lot, LotMethod } from '../ledger/types.ts';
import type { OrderLine } from './orders.ts';
import { DEFAULT_TAX_RATES, estimatedTaxCents, taxTypeOf } from './tax-cost.ts';
import type { PlannedLotSlice, PlannedTrade, TaxRates } from './types.ts';

/** Options of {@link estimateGains}. */
export interface GainOptions {
  readonly tradeDate: IsoDate;
  readonly method: LotMethod;
  /** The planner's order of the long lots a sell closes; default the relief method's. */
  readonly orderSellLots?: ((candidates: readonly Lot[]) => Lot[]) | undefined;
  /** Tax type per account (default every account taxable). */
  readonly taxTypes?: ReadonlyMap<string, TaxType>;
  /** Rates of the estimated tax (default `DEFAULT_TAX_RATES`). */
  readonly rates?: TaxRates;
}

/** Lot ids a sell of `order` closes in the planner's order, or undefined for the method's. */
function sellLotIds(open: readonly Lot[], order: OrderLine, options: GainOptions) {
  if (order.side !== 'sell' || options.orderSellLots === undefined) return undefined;
  const candidates = open.filter(
    (l) => l.account === order.account && l.symbol === order.symbol && l.quantity > 0,
  );
  return options.orderSellLots(candidates).map((l) => l.id);
}

/**
 * Turns orders into planned trades with closed lot slices and realised gains by term. `lots`
 * is copied, never mutated; orders are relieved in the order given (sells before buys).
 */
export function estimateGains(
  orders: readonly OrderLine[],
  lots: readonly Lot[],
  options: GainOptions,
): PlannedTrade[] {
  const open: Lot[] = lots.map((l) => ({ ...l }));
  const method = options.method === 'specific' ? 'fifo' : options.method;
  return orders.map((order) => {
    const slices =
      order.closing > 0
        ? relieveLots(open, {
            account: order.account,
            symbol: order.symbol,
            side: order.side === 'sell' ? 'long' : 'short',
            quantity: order.closing,
            method,
            lotIds: sellLotIds(open, order, options),
            source: { file: 'trade plan', line: 0 },
          })
        : [];
    const grossClose = prorateCents(order.grossCents, order.closing, order.quantity);
    const costClose = prorateCents(order.costCents, order.closing, order.quantity);
    let grossLeft = grossClose;
    let costLeft = costClose;
    const planned = slices.map((slice, i): PlannedLotSlice => {
      const q = Math.abs(slice.quantity);
      const last = i === slices.length - 1;
      const gross = last ? grossLeft : prorateCents(grossClose, q, order.closing);
      const cost = last ? costLeft : prorateCents(costClose, q, order.closing);
      grossLeft -= gross;
      costLeft -= cost;
      const isCover = order.side === 'buy';
      const proceedsCents = isCover ? -slice.basisCents : gross - cost;
      const costBasisCents = isCover ? gross + cost : slice.basisCents;
      return {
        lotId: slice.lot.id,
        acquired: slice.lot.acquired,
        quantity: q,
        proceedsCents,
        costBasisCents,
        gainCents: proceedsCents - costBasisCents,
        term: isCover ? 'short' : holdingTerm(slice.lot.acquired, options.tradeDate),
      };
    });
    const sum = (term: 'short' | 'long'): number =>
      planned.filter((s) => s.term === term).reduce((s, x) => s + x.gainCents, 0);
    const taxType = taxTypeOf(options.taxTypes ?? new Map(), order.account);
    const gains = { shortCents: sum('short'), longCents: sum('long') };
    return {
      side: order.side,
      symbol: order.symbol,
      account: order.account,
      quantity: order.quantity,
      price: order.quote.price,
      priceSource: order.quote.source,
      ...(order.quote.date === undefined ? {} : { priceDate: order.quote.date }),
      grossCents: order.grossCents,
      costCents: order.costCents,
      cashCents: order.cashCents,
      lots: planned,
      opensQuantity: Math.round((order.quantity - order.closing) * 1e9) / 1e9,
      realizedShortTermCents: gains.shortCents,
      realizedLongTermCents: gains.longCents,
      taxType,
      estimatedTaxCents: estimatedTaxCents(gains, options.rates ?? DEFAULT_TAX_RATES, taxType),
    };
  });
}
