import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import { holdingTerm } from './holding-period.ts';
import { prorateCents, roundQuantity, tradeValueCents, type Cents } from './money.ts';
import type { Holding } from './holding.ts';
import { LotBook, type StoredSlice } from './lot-book.ts';
import { reorganizeLedger } from './reorganization.ts';
import { WashTracker, type WashRules } from './wash-sales.ts';
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
} from './types.ts';

/** Options of {@link buildLedger}. */
export interface LedgerOptions {
  /** Relief method for sales and covers without listed lots (default FIFO). */
  readonly lotMethod?: LotMethod;
  /** Ignore transactions dated after this day (inclusive end). Default: the last transaction. */
  readonly asOf?: IsoDate;
  /** Apply the wash-sale rule with these rules (wash-sales.ts); without it no loss is tested. */
  readonly wash?: WashRules;
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

/** An unmatched `transfer_out`, with its place in creation order. */
interface Pending {
  readonly out: TransferredOut;
  readonly seq: number;
}

/** An account's cash (one mutable cell) and its holdings by symbol. */
interface Account {
  cents: Cents;
  readonly holdings: ReadonlyMap<string, Holding>;
}

/** A mutable {@link LastTrade}, updated in place on every trade. */
interface Trade {
  price: number;
  date: IsoDate;
}

class LedgerBuilder {
  readonly book: LotBook;
  /** Cash per account in first-seen order, as one mutable cell each. */
  readonly accounts = new Map<string, Account>();
  readonly realized: RealizedSlice[] = [];
  readonly income: IncomeTotals = { dividendsCents: 0, interestCents: 0, feesCents: 0 };
  readonly lastTrade = new Map<string, Trade>();
  /** Unmatched transfers out, by symbol, in the order they were made. */
  private readonly pending = new Map<string, Pending[]>();
  private pendingCount = 0;
  contributions: Cents = 0;
  /** The lot {@link LedgerBuilder.open} hands to the book, reused: the book copies its fields. */
  private readonly opening = { id: 0, acquired: '', quantity: 0, basisCents: 0 };

  readonly wash: WashTracker | undefined;

  constructor(
    readonly method: LotMethod,
    wash?: WashRules,
  ) {
    this.book = new LotBook(method);
    this.wash = wash && new WashTracker(wash, this.book, this.realized);
  }

  account(name: string): Account {
    let account = this.accounts.get(name);
    if (!account) {
      account = { cents: 0, holdings: this.book.holdingsOf(name) };
      this.accounts.set(name, account);
    }
    return account;
  }

  /** The holding of `symbol` in an account. */
  holding(account: Account, tx: { account: string; symbol: string }): Holding {
    return account.holdings.get(tx.symbol) ?? this.book.holding(tx.account, tx.symbol);
  }

  traded(symbol: string, price: number, date: IsoDate): void {
    const last = this.lastTrade.get(symbol);
    if (!last) this.lastTrade.set(symbol, { price, date });
    else {
      last.price = price;
      last.date = date;
    }
  }

  /** Opens a lot; a long lot opened by a purchase (`purchase`) may replace a wash-sale loss. */
  open(
    tx: Transaction & { symbol: string },
    lot: { quantity: number; basisCents: Cents; inherited?: boolean; purchase?: boolean },
    holding?: Holding,
  ): void {
    if (lot.quantity === 0) return;
    const target = holding ?? this.book.holding(tx.account, tx.symbol);
    if (lot.inherited) {
      const { quantity, basisCents } = lot;
      this.book.add(target, {
        id: tx.source.line,
        acquired: tx.date,
        quantity,
        basisCents,
        inherited: true,
      });
      return;
    }
    const opening = this.opening;
    opening.id = tx.source.line;
    opening.acquired = tx.date;
    opening.quantity = lot.quantity;
    opening.basisCents = lot.basisCents;
    const i = this.book.add(target, opening);
    if (lot.purchase && lot.quantity > 0) this.wash?.purchased(i, tx);
  }

  /** The unmatched transfers out in the order they were made. */
  transferredOut(): TransferredOut[] {
    return [...this.pending.values()]
      .flat()
      .sort((a, b) => a.seq - b.seq)
      .map((p) => p.out);
  }

  apply(tx: Transaction, account: Account): void {
    account.cents -= tx.feesCents;
    if (tx.type !== 'buy' && tx.type !== 'sell') this.income.feesCents += tx.feesCents;
    switch (tx.type) {
      case 'buy':
      case 'sell':
        return this.trade(tx, account);
      case 'deposit':
        this.contributions += tx.amountCents;
        account.cents += tx.amountCents;
        return;
      case 'withdrawal':
        this.contributions -= tx.amountCents;
        account.cents -= tx.amountCents;
        return;
      case 'fee':
        this.income.feesCents += tx.amountCents;
        account.cents -= tx.amountCents;
        return;
      case 'interest':
        this.income.interestCents += tx.amountCents;
        account.cents += tx.amountCents;
        return;
      case 'dividend':
        this.income.dividendsCents += tx.amountCents;
        account.cents += tx.amountCents;
        return;
      case 'reinvest': {
        const value = tradeValueCents(tx.quantity, tx.price);
        this.income.dividendsCents += value;
        this.traded(tx.symbol, tx.price, tx.date);
        return this.open(tx, { quantity: tx.quantity, basisCents: value, purchase: true });
      }
      case 'split':
        return this.split(tx);
      case 'transfer_out':
        return this.transferOut(tx);
      case 'transfer_in':
        return this.transferIn(tx);
      case 'return_of_capital':
        return this.returnOfCapital(tx, account);
      default: // symbol_change, merger (docs/corporate-actions.md)
        return reorganizeLedger(this, tx, this.pending.get(tx.symbol)?.length ?? 0);
    }
  }

  private trade(tx: TradeTx, account: Account): void {
    const dir = tx.type === 'buy' ? 1 : -1;
    const holding = this.holding(account, tx);
    const held = holding.held();
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
    account.cents -= dir * gross;
    this.traded(tx.symbol, tx.price, tx.date);
    if (closable > 0) {
      const slices = this.book.relieve(holding, {
        account: tx.account,
        symbol: tx.symbol,
        side: dir > 0 ? 'short' : 'long',
        quantity: closable,
        method: this.method,
        lotIds: tx.lots,
        source: tx.source,
      });
      this.realize(holding, slices, { date: tx.date, cash: grossClose, fees: feesClose, dir });
    }
    const opening = roundQuantity(tx.quantity - closable);
    const grossOpen = gross - grossClose;
    const feesOpen = tx.feesCents - feesClose;
    // A long lot's basis is cost + fees; a short lot's is minus the net proceeds.
    const basisCents = dir > 0 ? grossOpen + feesOpen : -(grossOpen - feesOpen);
    this.open(tx, { quantity: dir * opening, basisCents, purchase: true }, holding);
  }

  private realize(
    holding: Holding,
    slices: readonly StoredSlice[],
    trade: { date: IsoDate; cash: Cents; fees: Cents; dir: number },
  ): void {
    let total = 0;
    for (let i = 0; i < slices.length; i++) total += Math.abs(slices[i]!.quantity);
    let cashLeft = trade.cash;
    let feesLeft = trade.fees;
    const { store } = this.book;
    for (let i = 0; i < slices.length; i++) {
      const slice = slices[i]!;
      const q = Math.abs(slice.quantity);
      const last = i === slices.length - 1;
      const cash = last ? cashLeft : prorateCents(trade.cash, q, total);
      const fees = last ? feesLeft : prorateCents(trade.fees, q, total);
      cashLeft -= cash;
      feesLeft -= fees;
      const isCover = trade.dir > 0;
      const proceeds = isCover ? -slice.basisCents : cash - fees;
      const cost = isCover ? cash + fees : slice.basisCents;
      const acquired = store.acquired[slice.lot]!;
      const tax = store.tax.get(slice.lot);
      const from = tax?.adjustedAcquired ?? acquired;
      const realized: RealizedSlice = {
        lotId: store.id(slice.lot),
        symbol: holding.symbol,
        account: holding.account,
        quantity: q,
        proceedsCents: proceeds,
        costBasisCents: cost,
        gainCents: proceeds - cost,
        // Short-sale gains are short-term (IRS Pub. 550: the cover shares are held 0 days);
        // inherited shares are long-term (IRS Pub. 551).
        term: isCover ? 'short' : tax?.inherited ? 'long' : holdingTerm(from, trade.date),
        acquired,
        disposed: trade.date,
        kind: isCover ? 'cover' : 'sale',
      };
      this.realized.push(
        tax === undefined
          ? realized
          : {
              ...realized,
              ...(tax.inherited ? { inherited: true } : {}),
              ...(from === acquired ? {} : { adjustedAcquired: from }),
            },
      );
      if (this.wash && !isCover) this.wash.sold(this.realized.length - 1, slice.lot);
    }
  }

  private split(tx: Transaction & { symbol: string; ratio: number }): void {
    const { symbol, ratio } = tx;
    if (!(ratio > 0 && Number.isFinite(ratio))) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: quantity: a split ratio must be a positive number (got ${ratio})`,
        { ...tx.source, column: 'quantity', value: ratio },
      );
    }
    this.book.split(symbol, ratio);
    this.wash?.split(symbol, ratio);
    for (const { out } of this.pending.get(symbol) ?? []) {
      for (const lot of out.lots) lot.quantity = roundQuantity(lot.quantity * ratio);
    }
    const last = this.lastTrade.get(symbol);
    if (last) last.price /= ratio;
  }

  private transferOut(tx: TransferOutTx): void {
    const holding = this.book.holding(tx.account, tx.symbol);
    const held = holding.held();
    if (held < tx.quantity) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: quantity: transfer_out of ${tx.quantity} ${tx.symbol} from account ${tx.account} which holds ${held}`,
        { ...tx.source, column: 'quantity', value: tx.quantity },
      );
    }
    const slices = this.book.relieve(holding, {
      account: tx.account,
      symbol: tx.symbol,
      side: 'long',
      quantity: tx.quantity,
      method: this.method === 'average' ? 'fifo' : this.method,
      lotIds: tx.lots,
      source: tx.source,
    });
    const lots = slices.map((s) => this.book.sliceLot(s));
    const out = { symbol: tx.symbol, account: tx.account, date: tx.date, lots };
    const list = this.pending.get(tx.symbol);
    const entry = { out, seq: this.pendingCount++ };
    if (list) list.push(entry);
    else this.pending.set(tx.symbol, [entry]);
  }

  private transferIn(tx: TransferInTx): void {
    if (tx.costPerShare !== undefined) {
      const lot = { ...tx, date: tx.acquired ?? tx.date };
      const basisCents = tradeValueCents(tx.quantity, tx.costPerShare);
      return this.open(lot, {
        quantity: tx.quantity,
        basisCents,
        ...(tx.inherited ? { inherited: true } : {}),
      });
    }
    const list = this.pending.get(tx.symbol) ?? [];
    const i = list.findIndex(
      ({ out }) => roundQuantity(out.lots.reduce((s, l) => s + l.quantity, 0) - tx.quantity) === 0,
    );
    if (i < 0) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: price: transfer_in of ${tx.quantity} ${tx.symbol} needs the original cost per share in price, or an earlier transfer_out of the same quantity`,
        { ...tx.source, column: 'price', value: null },
      );
    }
    const [{ out }] = list.splice(i, 1) as [Pending];
    for (const lot of out.lots) this.book.add(this.book.holding(tx.account, lot.symbol), lot);
  }

  private returnOfCapital(tx: ReturnOfCapitalTx, account: Account): void {
    const holding = this.holding(account, tx);
    const lots = this.book.longLots(holding);
    const { quantity, basisCents, acquired } = this.book.store;
    const total = lots.reduce((s, i) => s + quantity[i]!, 0);
    if (lots.length === 0) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: symbol: return_of_capital on ${tx.symbol} in account ${tx.account}, which holds no shares`,
        { ...tx.source, column: 'symbol', value: tx.symbol },
      );
    }
    account.cents += tx.amountCents;
    let left = tx.amountCents;
    lots.forEach((lot, i) => {
      const cut =
        i === lots.length - 1 ? left : prorateCents(tx.amountCents, quantity[lot]!, total);
      left -= cut;
      basisCents[lot] = basisCents[lot]! - cut;
      if (basisCents[lot] < 0) {
        // Return of capital beyond basis is a capital gain (IRS Pub. 550).
        const excess = -basisCents[lot];
        basisCents[lot] = 0;
        this.realized.push({
          lotId: this.book.store.id(lot),
          symbol: tx.symbol,
          account: tx.account,
          quantity: 0,
          proceedsCents: excess,
          costBasisCents: 0,
          gainCents: excess,
          term: holdingTerm(acquired[lot]!, tx.date),
          acquired: acquired[lot]!,
          disposed: tx.date,
          kind: 'return_of_capital',
        });
      }
    });
    holding.long.reorder();
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
export function buildLedger(
  transactions: readonly Transaction[],
  options: LedgerOptions = {},
): LedgerResult {
  const builder = new LedgerBuilder(options.lotMethod ?? 'fifo', options.wash);
  let previous: Transaction | undefined;
  for (let i = 0; i < transactions.length; i++) {
    const tx = transactions[i]!;
    if (previous && tx.date < previous.date) {
      throw new BallastError(
        'INVALID_INPUT',
        `${where(tx.source)}: date: ${tx.date} is before the previous row's ${previous.date}; transactions must be in date order`,
        { ...tx.source, column: 'date', value: tx.date },
      );
    }
    previous = tx;
    if (options.asOf !== undefined && tx.date > options.asOf) continue;
    builder.apply(tx, builder.account(tx.account));
  }
  builder.wash?.finish();
  let lastDate: IsoDate | undefined;
  for (let i = transactions.length - 1; i >= 0 && lastDate === undefined; i--) {
    const date = transactions[i]!.date;
    if (!options.asOf || date <= options.asOf) lastDate = date;
  }
  return {
    asOf: options.asOf ?? lastDate,
    lotMethod: builder.method,
    cashCents: new Map([...builder.accounts].map(([account, cash]) => [account, cash.cents])),
    lots: builder.book.lots(),
    realized: builder.realized,
    income: builder.income,
    netContributionsCents: builder.contributions,
    lastTrade: builder.lastTrade,
    transferredOut: builder.transferredOut(),
  };
}
