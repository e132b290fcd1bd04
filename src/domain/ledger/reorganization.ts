/**
 * Symbol changes and mergers replayed on the ledger's lots (docs/corporate-actions.md).
 *
 * - `symbol_change`: every lot of the old symbol, in every account, becomes a lot of the new
 *   symbol with the same id, quantity, basis, acquisition date and tax marks. Nothing is realised.
 * - `merger`: every long lot of the old symbol becomes a lot of the new symbol with `ratio`
 *   times its quantity (same id and dates). With cash per share, each account is paid
 *   `held × cash` (rounded to the cent, as a trade's cash is) and the cash part is treated as a
 *   sale of part of each lot. The lot's basis is allocated between the cash and the new shares
 *   pro rata by value: with `C` the lot's cash and `V` the value of its new shares at `toPrice`
 *   (both in cents, the account's totals shared out by shares with the remainder on the last
 *   lot), the cash takes `B × C / (C + V)` of the basis `B` (rounded half away from zero to the
 *   cent), realising `C − B·C/(C + V)` — a gain is therefore never more than the cash received;
 *   a loss is realised like a sale's. The new shares keep the rest of the basis.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import { holdingTerm } from './holding-period.ts';
import type { LotBook } from './lot-book.ts';
import {
  prorateCents,
  roundHalfAway,
  roundQuantity,
  tradeValueCents,
  type Cents,
} from './money.ts';
import type { MergerTx, RealizedSlice, SourceRef, SymbolChangeTx } from './types.ts';

/** What a symbol change or merger did besides moving lots: cash per account and realised slices. */
export interface Reorganized {
  readonly cash: readonly { readonly account: string; readonly cents: Cents }[];
  readonly realized: readonly RealizedSlice[];
}

function where(source: SourceRef): string {
  return source.file ? `${source.file}:${source.line}` : `line ${source.line}`;
}

/** What {@link reorganizeLedger} changes in a replay under way (the ledger's builder). */
export interface ReplayState {
  readonly book: LotBook;
  readonly realized: RealizedSlice[];
  readonly lastTrade: Map<string, { price: number; date: IsoDate }>;
  readonly wash: { split(symbol: string, ratio: number): void } | undefined;
  account(name: string): { cents: Cents };
}

/**
 * A symbol change or merger in a ledger replay: lots moved ({@link reorganize}), cash paid to
 * the accounts, slices realised, pending wash-sale shares scaled by a merger's ratio, and the
 * new symbol's last trade price: a merger's `toPrice`, else the old symbol's ÷ ratio.
 *
 * @throws BallastError INVALID_INPUT while `inTransfer` shares of the symbol are in transfer (a
 *   `transfer_out` without its `transfer_in`), or as {@link reorganize} does.
 */
export function reorganizeLedger(
  state: ReplayState,
  tx: SymbolChangeTx | MergerTx,
  inTransfer: number,
): void {
  if (inTransfer > 0)
    throw new BallastError(
      'INVALID_INPUT',
      `${where(tx.source)}: symbol: ${tx.type} of ${tx.symbol} while shares of it are in transfer (a transfer_out without its transfer_in); record the transfer_in first`,
      { ...tx.source, column: 'symbol', value: tx.symbol },
    );
  const { cash, realized } = reorganize(state.book, tx);
  for (const paid of cash) state.account(paid.account).cents += paid.cents;
  state.realized.push(...realized);
  const ratio = tx.type === 'merger' ? tx.ratio : 1;
  if (tx.type === 'merger') state.wash?.split(tx.symbol, ratio);
  const last = state.lastTrade.get(tx.symbol);
  if (tx.type === 'merger' && tx.toPrice !== undefined)
    state.lastTrade.set(tx.toSymbol, { price: tx.toPrice, date: tx.date });
  else if (last && (state.lastTrade.get(tx.toSymbol)?.date ?? '') <= last.date)
    state.lastTrade.set(tx.toSymbol, { price: last.price / ratio, date: last.date });
}

/**
 * Applies a symbol change or a merger to every holding of `tx.symbol` in `book` (see the module
 * comment).
 *
 * @throws BallastError INVALID_INPUT (a merger paying cash on a short position) naming file and line.
 */
export function reorganize(book: LotBook, tx: SymbolChangeTx | MergerTx): Reorganized {
  const ratio = tx.type === 'merger' ? tx.ratio : 1;
  const cashPerShare = tx.type === 'merger' ? (tx.cashPerShare ?? 0) : 0;
  const cash: { account: string; cents: Cents }[] = [];
  const realized: RealizedSlice[] = [];
  for (const holding of book.holdingsOfSymbol(tx.symbol)) {
    if (cashPerShare > 0 && holding.short.size > 0)
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: symbol: a merger paying cash on the short position in ${tx.symbol} of account ${holding.account} is not supported; cover it first`,
        { ...tx.source, column: 'symbol', value: tx.symbol },
      );
    if (cashPerShare > 0 && holding.long.size > 0) {
      const paid = payCash(book, holding, tx as MergerTx);
      cash.push({ account: holding.account, cents: paid.cents });
      realized.push(...paid.realized);
    }
    book.move(holding, book.holding(holding.account, tx.toSymbol), ratio);
  }
  return { cash, realized };
}

/** The merger's cash on one holding's long lots (basis allocated) and the slices it realises. */
function payCash(
  book: LotBook,
  holding: ReturnType<LotBook['holding']>,
  tx: MergerTx,
): { cents: Cents; realized: RealizedSlice[] } {
  const realized: RealizedSlice[] = [];
  const { store } = book;
  const lots = book.longLots(holding);
  const held = holding.held();
  const cashCents = tradeValueCents(held, tx.cashPerShare ?? 0);
  const valueCents = tradeValueCents(held * tx.ratio, tx.toPrice ?? 0);
  let cashLeft = cashCents;
  let valueLeft = valueCents;
  lots.forEach((lot, i) => {
    const last = i === lots.length - 1;
    const q = store.quantity[lot]!;
    const c = last ? cashLeft : prorateCents(cashCents, q, held);
    const v = last ? valueLeft : prorateCents(valueCents, q, held);
    cashLeft -= c;
    valueLeft -= v;
    const basis = store.basisCents[lot]!;
    const share = c + v === 0 ? 0 : c / (c + v);
    const allocated = roundHalfAway(basis * share);
    store.basisCents[lot] = basis - allocated;
    const tax = store.tax.get(lot);
    if (tax && tax.washCents !== 0) tax.washCents -= roundHalfAway(tax.washCents * share);
    holding.update(lot);
    const acquired = store.acquired[lot]!;
    const from = store.holdingFrom(lot);
    realized.push({
      lotId: store.id(lot),
      symbol: tx.symbol,
      account: holding.account,
      quantity: roundQuantity(q * share),
      proceedsCents: c,
      costBasisCents: allocated,
      gainCents: c - allocated,
      // Inherited shares are long-term (IRS Pub. 551); wash-adjusted lots count from the adjusted date.
      term: tax?.inherited ? 'long' : holdingTerm(from, tx.date),
      acquired,
      disposed: tx.date,
      kind: 'sale',
      ...(tax?.inherited ? { inherited: true } : {}),
      ...(from === acquired ? {} : { adjustedAcquired: from }),
    });
  });
  return { cents: cashCents, realized };
}
