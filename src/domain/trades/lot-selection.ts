/**
 * Which lots a planned sell closes (docs/tax-aware-trades.md, "Lot selection"). The ledger's own
 * relief method is untouched; these orders are the planner's choice, applied to the sells of long
 * lots (covers keep the relief method) by specific identification of lots.
 *
 * Per lot, with the quote `p` of its symbol: gain per share `g = p − basis / quantity`, its term
 * on the trade date (more than one year held = long), and whether its account is taxable (an
 * IRA's gains and losses are not taxed, so its `g` counts as 0).
 *
 * - `hifo`: the highest cost per share first (the ledger's HIFO order).
 * - `losses-first`: (1) taxable lots at a loss, the largest loss per share first; (2) lots without
 *   a taxable gain (IRA lots, taxable lots with g = 0); (3) taxable long-term gains and then (4)
 *   taxable short-term gains, each the lowest gain per share first.
 * - `tax-min`: the lowest estimated tax per share first, `g × rate(term)` in a taxable account
 *   (negative for a loss: the largest saving first) and 0 in an IRA.
 *
 * Ties fall back to FIFO (acquisition date, then the order given). With `washes`, lots that would
 * be sold at a loss as a wash sale go last (their relative order kept): other lots are sold first.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { TaxType } from '../ledger/accounts.ts';
import { holdingTerm } from '../ledger/holding-period.ts';
import { orderForRelief } from '../ledger/relief.ts';
import type { Lot } from '../ledger/types.ts';
import { taxTypeOf } from './tax-cost.ts';
import type { LotSelection, TaxRates } from './types.ts';

/** Every {@link LotSelection}, as the CLI and the API spell them. */
export const LOT_SELECTIONS = [
  'method',
  'hifo',
  'losses-first',
  'tax-min',
] as const satisfies readonly LotSelection[];

/** What ranking lots needs besides the lots. */
export interface LotRanking {
  readonly tradeDate: IsoDate;
  /** Quote in dollars per upper-case symbol. */
  readonly price: (symbol: string) => number;
  readonly taxTypes: ReadonlyMap<string, TaxType>;
  readonly rates: TaxRates;
  /** True for a lot whose sale at a loss would be a wash sale: such lots go last. */
  readonly washes?: ((lot: Lot) => boolean) | undefined;
}

/** Gain per share of a long lot at `price` dollars, in cents per share. */
export function gainPerShareCents(lot: Lot, price: number): number {
  return price * 100 - lot.basisCents / lot.quantity;
}

/** Gain per share that is taxed: the lot's in a taxable account, 0 in an IRA (cents). */
function taxedGain(lot: Lot, ranking: LotRanking): number {
  if (taxTypeOf(ranking.taxTypes, lot.account) !== 'taxable') return 0;
  return gainPerShareCents(lot, ranking.price(lot.symbol));
}

/** Losses-first class and key (see the module comment). */
function lossesFirstKey(lot: Lot, ranking: LotRanking): [number, number] {
  const g = taxedGain(lot, ranking);
  if (g < 0) return [0, g];
  if (g === 0) return [1, 0];
  return [holdingTerm(lot.acquired, ranking.tradeDate) === 'long' ? 2 : 3, g];
}

/** Estimated tax per share in cents (see the module comment). */
function taxPerShare(lot: Lot, ranking: LotRanking): number {
  const g = taxedGain(lot, ranking);
  if (g === 0) return 0;
  const term = holdingTerm(lot.acquired, ranking.tradeDate);
  return g * (term === 'long' ? ranking.rates.long : ranking.rates.short);
}

function sortByKey(candidates: readonly Lot[], key: (lot: Lot) => readonly number[]): Lot[] {
  const fifo = orderForRelief(candidates, 'fifo');
  const rank = new Map(fifo.map((lot, i) => [lot, i]));
  const keys = new Map(candidates.map((lot) => [lot, key(lot)]));
  return [...candidates].sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return rank.get(a)! - rank.get(b)!;
  });
}

/**
 * The long lots `candidates` in the order `selection` sells them (the same objects, reordered;
 * see the module comment). `method` is not a planner order: the caller keeps the relief method.
 */
export function orderSellLots(
  candidates: readonly Lot[],
  selection: Exclude<LotSelection, 'method'>,
  ranking: LotRanking,
): Lot[] {
  const ordered =
    selection === 'hifo'
      ? orderForRelief(candidates, 'hifo')
      : selection === 'losses-first'
        ? sortByKey(candidates, (lot) => lossesFirstKey(lot, ranking))
        : sortByKey(candidates, (lot) => [taxPerShare(lot, ranking)]);
  const washes = ranking.washes;
  if (washes === undefined) return ordered;
  return [...ordered.filter((l) => !washes(l)), ...ordered.filter((l) => washes(l))];
}

/**
 * The lot order of `selection` as a function of the candidates, or undefined for `method` (the
 * relief method's order applies).
 */
export function sellLotOrder(
  selection: LotSelection,
  ranking: LotRanking,
): ((candidates: readonly Lot[]) => Lot[]) | undefined {
  if (selection === 'method') return undefined;
  return (candidates) => orderSellLots(candidates, selection, ranking);
}
