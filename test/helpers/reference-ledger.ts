/**
 * The straightforward ledger replay of earlier versions, kept as a test-only oracle for the fast
 * implementation in src/domain/ledger (same results by construction, quadratic in open lots: each
 * trade scans every open lot). Used by the fast-versus-reference property tests and the ledger
 * benchmark; not part of the library. Lots are relieved by `relieveLots` (src/domain/ledger/relief.ts,
 * the scan over a plain lot list that trade estimates use), never by the indexed lot book.
 */

import type { IsoDate } from '../../src/domain/calendar/iso-date.ts';
import { BallastError } from '../../src/domain/errors.ts';
import { holdingTerm } from '../../src/domain/ledger/holding-period.ts';
import {
  prorateCents,
  roundQuantity,
  tradeValueCents,
  type Cents,
} from '../../src/domain/ledger/money.ts';
import { relieveLots, type LotSlice } from '../../src/domain/ledger/relief.ts';
import type {
  IncomeTotals,
  LastTrade,
  Lot,
  LotMethod,
  RealizedSlice,
  ReturnOfCapitalTx,
  SourceRef,
  TradeTx,
  Transaction,
  TransferInTx,
  TransferOutTx,
} from '../../src/domain/ledger/types.ts';

/** Options of {@link buildLedger}. */
export interface LedgerOptions {
  /** Relief method for sales and covers without listed lots (default FIFO). */
  readonly lotMethod?: LotMethod;
  /** Ignore transactions dated after this day (inclusive end). Default: the last transaction. */
  readonly asOf?: IsoDate;
}

/** Lots that left through `transfer_out` and were not received by a `transfer_in`. */
export interface TransferredOut {
  readonly symbol: string;
  readonly account: string;
  readonly date: IsoDate;
  readonly lots: readonly Lot[];
}

/** The state derived from a ledger at `asOf`. Money in integer cents. */
export interface LedgerResult {
  readonly asOf: IsoDate | undefined;
  readonly lotMethod: LotMethod;
  /** Cash per account (negative = margin debt), including accounts that touched only shares. */
  readonly cashCents: ReadonlyMap<string, Cents>;
  /** Open lots, in creation order. */
  readonly lots: readonly Lot[];
  readonly realized: readonly RealizedSlice[];
  readonly income: Readonly<IncomeTotals>;
  /** Deposits minus withdrawals (external cash flows). */
  readonly netContributionsCents: Cents;
  /** Last trade price per symbol, adjusted for later splits. */
  readonly lastTrade: ReadonlyMap<string, LastTrade>;
  readonly transferredOut: readonly TransferredOut[];
}

function where(source: SourceRef): string {
  return source.file ? `${source.file}:${source.line}` : `line ${source.line}`;
}

class LedgerBuilder {
  readonly lots: Lot[] = [];
  readonly cash = new Map<string, Cents>();
  readonly realized: RealizedSlice[] = [];
  readonly income: IncomeTotals = { dividendsCents: 0, interestCents: 0, feesCents: 0 };
  readonly lastTrade = new Map<string, LastTrade>();
  readonly pending: TransferredOut[] = [];
  contributions: Cents = 0;

  constructor(readonly method: LotMethod) {}

  addCash(account: string, cents: Cents): void {
    this.cash.set(account, (this.cash.get(account) ?? 0) + cents);
  }

  held(account: string, symbol: string): number {
    const q = this.lots
      .filter((l) => l.account === account && l.symbol === symbol)
      .reduce((s, l) => s + l.quantity, 0);
    return roundQuantity(q);
  }

  open(tx: Transaction & { symbol: string }, quantity: number, basisCents: Cents): void {
    if (quantity === 0) return;
    this.lots.push({
      id: `L${tx.source.line}`,
      account: tx.account,
      symbol: tx.symbol,
      acquired: tx.date,
      quantity,
      basisCents,
    });
  }

  apply(tx: Transaction): void {
    this.addCash(tx.account, -tx.feesCents);
    if (tx.type !== 'buy' && tx.type !== 'sell') this.income.feesCents += tx.feesCents;
    switch (tx.type) {
      case 'buy':
      case 'sell':
        return this.trade(tx);
      case 'deposit':
        this.contributions += tx.amountCents;
        return this.addCash(tx.account, tx.amountCents);
      case 'withdrawal':
        this.contributions -= tx.amountCents;
        return this.addCash(tx.account, -tx.amountCents);
      case 'fee':
        this.income.feesCents += tx.amountCents;
        return this.addCash(tx.account, -tx.amountCents);
      case 'interest':
        this.income.interestCents += tx.amountCents;
        return this.addCash(tx.account, tx.amountCents);
      case 'dividend':
        this.income.dividendsCents += tx.amountCents;
        return this.addCash(tx.account, tx.amountCents);
      case 'reinvest': {
        const value = tradeValueCents(tx.quantity, tx.price);
        this.income.dividendsCents += value;
        this.lastTrade.set(tx.symbol, { price: tx.price, date: tx.date });
        return this.open(tx, tx.quantity, value);
      }
      case 'split':
        return this.split(tx.symbol, tx.ratio);
      case 'transfer_out':
        return this.transferOut(tx);
      case 'transfer_in':
        return this.transferIn(tx);
      case 'return_of_capital':
        return this.returnOfCapital(tx);
    }
  }

  private trade(tx: TradeTx): void {
    const dir = tx.type === 'buy' ? 1 : -1;
    const held = this.held(tx.account, tx.symbol);
    const closable = Math.sign(held) === -dir ? Math.min(Math.abs(held), tx.quantity) : 0;
    if (tx.lots?.length && closable === 0) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: lots: a ${tx.type} of ${tx.symbol} with no open ${dir > 0 ? 'short' : 'long'} position closes no lot`,
        { ...tx.source, column: 'lots', value: tx.lots },
      );
    }
    const gross = tradeValueCents(tx.quantity, tx.price);
    const grossClose = prorateCents(gross, closable, tx.quantity);
    const feesClose = prorateCents(tx.feesCents, closable, tx.quantity);
    this.addCash(tx.account, -dir * gross);
    this.lastTrade.set(tx.symbol, { price: tx.price, date: tx.date });
    if (closable > 0) {
      const slices = relieveLots(this.lots, {
        account: tx.account,
        symbol: tx.symbol,
        side: dir > 0 ? 'short' : 'long',
        quantity: closable,
        method: this.method,
        lotIds: tx.lots,
        source: tx.source,
      });
      this.realize(slices, { date: tx.date, cash: grossClose, fees: feesClose, dir });
    }
    const opening = roundQuantity(tx.quantity - closable);
    const grossOpen = gross - grossClose;
    const feesOpen = tx.feesCents - feesClose;
    // A long lot's basis is cost + fees; a short lot's is minus the net proceeds.
    this.open(tx, dir * opening, dir > 0 ? grossOpen + feesOpen : -(grossOpen - feesOpen));
  }

  private realize(
    slices: readonly LotSlice[],
    trade: { date: IsoDate; cash: Cents; fees: Cents; dir: number },
  ): void {
    const total = slices.reduce((s, x) => s + Math.abs(x.quantity), 0);
    let cashLeft = trade.cash;
    let feesLeft = trade.fees;
    slices.forEach((slice, i) => {
      const q = Math.abs(slice.quantity);
      const last = i === slices.length - 1;
      const cash = last ? cashLeft : prorateCents(trade.cash, q, total);
      const fees = last ? feesLeft : prorateCents(trade.fees, q, total);
      cashLeft -= cash;
      feesLeft -= fees;
      const isCover = trade.dir > 0;
      const proceeds = isCover ? -slice.basisCents : cash - fees;
      const cost = isCover ? cash + fees : slice.basisCents;
      this.realized.push({
        lotId: slice.lot.id,
        symbol: slice.lot.symbol,
        account: slice.lot.account,
        quantity: q,
        proceedsCents: proceeds,
        costBasisCents: cost,
        gainCents: proceeds - cost,
        // Short-sale gains are short-term (IRS Pub. 550: the cover shares are held 0 days).
        term: isCover ? 'short' : holdingTerm(slice.lot.acquired, trade.date),
        acquired: slice.lot.acquired,
        disposed: trade.date,
        kind: isCover ? 'cover' : 'sale',
      });
    });
  }

  private split(symbol: string, ratio: number): void {
    for (const lot of this.lots) {
      if (lot.symbol === symbol) lot.quantity = roundQuantity(lot.quantity * ratio);
    }
    for (const out of this.pending) {
      if (out.symbol === symbol)
        for (const lot of out.lots) lot.quantity = roundQuantity(lot.quantity * ratio);
    }
    const last = this.lastTrade.get(symbol);
    if (last) this.lastTrade.set(symbol, { price: last.price / ratio, date: last.date });
  }

  private transferOut(tx: TransferOutTx): void {
    const held = this.held(tx.account, tx.symbol);
    if (held < tx.quantity) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: quantity: transfer_out of ${tx.quantity} ${tx.symbol} from account ${tx.account} which holds ${held}`,
        { ...tx.source, column: 'quantity', value: tx.quantity },
      );
    }
    const slices = relieveLots(this.lots, {
      account: tx.account,
      symbol: tx.symbol,
      side: 'long',
      quantity: tx.quantity,
      method: this.method === 'average' ? 'fifo' : this.method,
      lotIds: tx.lots,
      source: tx.source,
    });
    const lots = slices.map((s) => ({ ...s.lot, quantity: s.quantity, basisCents: s.basisCents }));
    this.pending.push({ symbol: tx.symbol, account: tx.account, date: tx.date, lots });
  }

  private transferIn(tx: TransferInTx): void {
    if (tx.costPerShare !== undefined) {
      const lot = { ...tx, date: tx.acquired ?? tx.date };
      return this.open(lot, tx.quantity, tradeValueCents(tx.quantity, tx.costPerShare));
    }
    const i = this.pending.findIndex(
      (p) =>
        p.symbol === tx.symbol &&
        roundQuantity(p.lots.reduce((s, l) => s + l.quantity, 0) - tx.quantity) === 0,
    );
    if (i < 0) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: price: transfer_in of ${tx.quantity} ${tx.symbol} needs the original cost per share in price, or an earlier transfer_out of the same quantity`,
        { ...tx.source, column: 'price', value: null },
      );
    }
    const [out] = this.pending.splice(i, 1);
    for (const lot of out!.lots) this.lots.push({ ...lot, account: tx.account });
  }

  private returnOfCapital(tx: ReturnOfCapitalTx): void {
    const lots = this.lots.filter(
      (l) => l.account === tx.account && l.symbol === tx.symbol && l.quantity > 0,
    );
    const total = lots.reduce((s, l) => s + l.quantity, 0);
    if (lots.length === 0) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: symbol: return_of_capital on ${tx.symbol} in account ${tx.account}, which holds no shares`,
        { ...tx.source, column: 'symbol', value: tx.symbol },
      );
    }
    this.addCash(tx.account, tx.amountCents);
    let left = tx.amountCents;
    lots.forEach((lot, i) => {
      const cut = i === lots.length - 1 ? left : prorateCents(tx.amountCents, lot.quantity, total);
      left -= cut;
      lot.basisCents -= cut;
      if (lot.basisCents < 0) {
        // Return of capital beyond basis is a capital gain (IRS Pub. 550).
        const excess = -lot.basisCents;
        lot.basisCents = 0;
        this.realized.push({
          lotId: lot.id,
          symbol: lot.symbol,
          account: lot.account,
          quantity: 0,
          proceedsCents: excess,
          costBasisCents: 0,
          gainCents: excess,
          term: holdingTerm(lot.acquired, tx.date),
          acquired: lot.acquired,
          disposed: tx.date,
          kind: 'return_of_capital',
        });
      }
    });
  }
}

/**
 * Replays a ledger in order and derives cash, open lots, realised gains and income.
 *
 * Conventions (docs/conventions.md "Holdings, ledger and exposures"): money in integer cents (a trade's
 * cash is quantity × price rounded to the cent); buying fees join the lot's basis, selling fees
 * reduce proceeds, fees on other rows are expenses; selling past zero opens a short, buying a
 * short covers it; lot ids are `L` + the source line; transactions must be in date order.
 *
 * @throws BallastError INVALID_INPUT (out-of-order date, impossible transfer, lots that do not
 *   cover a sale) or NOT_FOUND (a listed lot id that is not open), naming file and line.
 */
export function referenceBuildLedger(
  transactions: readonly Transaction[],
  options: LedgerOptions = {},
): LedgerResult {
  const builder = new LedgerBuilder(options.lotMethod ?? 'fifo');
  let previous: Transaction | undefined;
  for (const tx of transactions) {
    if (previous && tx.date < previous.date) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: date: ${tx.date} is before the previous row's ${previous.date}; transactions must be in date order`,
        { ...tx.source, column: 'date', value: tx.date },
      );
    }
    previous = tx;
    if (options.asOf !== undefined && tx.date > options.asOf) continue;
    if (!builder.cash.has(tx.account)) builder.cash.set(tx.account, 0);
    builder.apply(tx);
  }
  const lastDate = [...transactions]
    .reverse()
    .find((t) => !options.asOf || t.date <= options.asOf)?.date;
  return {
    asOf: options.asOf ?? lastDate,
    lotMethod: builder.method,
    cashCents: builder.cash,
    lots: builder.lots,
    realized: builder.realized,
    income: builder.income,
    netContributionsCents: builder.contributions,
    lastTrade: builder.lastTrade,
    transferredOut: builder.pending,
  };
}
