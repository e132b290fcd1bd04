/**
 * Portfolio history: the ledger replayed over exchange trading days. Holdings come
 * from the ledger as of each day (not today's holdings cast back); each day is valued at that
 * day's unadjusted close — the ledger applies splits and books cash dividends itself, so cash
 * + unadjusted prices give the total return.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import {
  previousTradingDay,
  tradingDayOnOrAfter,
  tradingDayOnOrBefore,
  tradingDaysBetween,
} from '../calendar/trading-days.ts';
import { BallastError, invalidInput } from '../errors.ts';
import { buildLedger, type LedgerResult } from '../ledger/ledger.ts';
import { centsToDollars, roundQuantity } from '../ledger/money.ts';
import type { LotMethod, Transaction } from '../ledger/types.ts';
import { PriceCursor, type PriceLookup } from './price-cursor.ts';
import { matchTransfers, type TransferMatches } from './transfers.ts';
import type {
  AccountDay,
  HistoryDay,
  HoldingValue,
  PortfolioHistory,
  PriceFlag,
  PriceHistory,
} from './types.ts';

/** Options of {@link portfolioHistory}. */
export interface PortfolioHistoryOptions {
  /** The ledger, in date order. */
  readonly transactions: readonly Transaction[];
  /** Unadjusted closes per symbol. */
  readonly prices: PriceHistory;
  readonly calendar: TradingCalendar;
  /** Last day (inclusive); a closed day means the trading day before it. */
  readonly to: IsoDate;
  /**
   * First day whose return counts (default, and floor: the first transaction's date); a closed
   * day means the next trading day.
   */
  readonly from?: IsoDate;
  /** Lot relief method of the ledger (default FIFO). */
  readonly lotMethod?: LotMethod;
}

type Quantities = Map<string, Map<string, number>>;
type Run = { -readonly [K in keyof PriceFlag]: PriceFlag[K] };

/** State of one walk over the days. */
class Walk {
  readonly matches: TransferMatches;
  readonly cursor: PriceCursor;
  readonly runs: Run[] = [];
  private readonly lastRun = new Map<string, Run>();
  private readonly today = new Map<string, PriceLookup>();
  private day: IsoDate = '';
  private previousDay: IsoDate | undefined;

  constructor(
    readonly txs: readonly Transaction[],
    prices: PriceHistory,
  ) {
    this.matches = matchTransfers(txs);
    this.cursor = new PriceCursor(prices, txs);
  }

  startDay(day: IsoDate): void {
    this.previousDay = this.day === '' ? undefined : this.day;
    this.day = day;
    this.today.clear();
  }

  /** Price of `symbol` today (flagged runs recorded once per symbol and day). */
  price(symbol: string, ledger: LedgerResult): number {
    const cached = this.today.get(symbol);
    if (cached) return cached.price;
    const lookup = this.cursor.price(symbol, this.day, ledger.lastTrade.get(symbol));
    this.today.set(symbol, lookup);
    if (lookup.flag) this.record(symbol, lookup.flag);
    return lookup.price;
  }

  private record(symbol: string, f: NonNullable<PriceLookup['flag']>): void {
    const run = this.lastRun.get(symbol);
    if (run?.kind === f.kind && run.priceDate === f.priceDate && run.to === this.previousDay) {
      run.to = this.day;
      return;
    }
    const fresh: Run = {
      kind: f.kind,
      symbol,
      from: this.day,
      to: this.day,
      priceDate: f.priceDate,
    };
    this.runs.push(fresh);
    this.lastRun.set(symbol, fresh);
  }

  /** Π of split ratios of `symbol` at transaction indexes in (after, before). */
  splitsBetween(symbol: string, after: number, before: number): number {
    let f = 1;
    for (let i = after + 1; i < before; i++) {
      const tx = this.txs[i]!;
      if (tx.type === 'split' && tx.symbol === symbol) f *= tx.ratio;
    }
    return f;
  }
}

function addQuantity(
  q: Quantities,
  key: { account: string; symbol: string; quantity: number },
): void {
  const bySymbol = q.get(key.account) ?? new Map<string, number>();
  bySymbol.set(key.symbol, roundQuantity((bySymbol.get(key.symbol) ?? 0) + key.quantity));
  q.set(key.account, bySymbol);
}

/** Quantities per account and symbol after `k` transactions; internal transfers in transit stay with the sender. */
function quantitiesAt(walk: Walk, ledger: LedgerResult, k: number): Quantities {
  const q: Quantities = new Map();
  for (const account of ledger.cashCents.keys()) q.set(account, new Map());
  for (const lot of ledger.lots) addQuantity(q, lot);
  for (const [outIndex, inIndex] of walk.matches.outToIn) {
    if (outIndex >= k || inIndex < k) continue;
    const tx = walk.txs[outIndex] as Transaction & { symbol: string; quantity: number };
    const quantity = tx.quantity * walk.splitsBetween(tx.symbol, outIndex, k);
    addQuantity(q, { account: tx.account, symbol: tx.symbol, quantity });
  }
  return q;
}

/** External flows per account and in total of transactions [start, end) valued today. */
function flowsOf(
  walk: Walk,
  batch: { start: number; end: number; ledger: LedgerResult },
): {
  accounts: Map<string, number>;
  total: number;
  symbols: Map<string, number>;
} {
  const accounts = new Map<string, number>();
  const symbols = new Map<string, number>();
  let total = 0;
  const add = (account: string, amount: number, external: boolean): void => {
    accounts.set(account, (accounts.get(account) ?? 0) + amount);
    if (external) total += amount;
  };
  const external = (symbol: string, amount: number): void => {
    symbols.set(symbol, (symbols.get(symbol) ?? 0) + amount);
  };
  for (let i = batch.start; i < batch.end; i++) {
    const tx = walk.txs[i]!;
    if (tx.type === 'deposit') add(tx.account, centsToDollars(tx.amountCents), true);
    else if (tx.type === 'withdrawal') add(tx.account, -centsToDollars(tx.amountCents), true);
    else if (tx.type === 'transfer_out' || tx.type === 'transfer_in') {
      const shares = tx.quantity * walk.splitsBetween(tx.symbol, i, batch.end);
      const value = shares * walk.price(tx.symbol, batch.ledger);
      if (tx.type === 'transfer_out') {
        if (walk.matches.outToIn.has(i)) continue;
        add(tx.account, -value, true);
        external(tx.symbol, -value);
        continue;
      }
      const sender = walk.matches.senderOf.get(i);
      add(tx.account, value, sender === undefined);
      if (sender !== undefined) add(sender, -value, false);
      else external(tx.symbol, value);
    }
  }
  return { accounts, total, symbols };
}

function valueAccounts(
  walk: Walk,
  state: { ledger: LedgerResult; quantities: Quantities; flows: ReadonlyMap<string, number> },
): AccountDay[] {
  return [...state.quantities.keys()].sort().map((account) => {
    const holdings: HoldingValue[] = [...state.quantities.get(account)!]
      .filter(([, quantity]) => quantity !== 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([symbol, quantity]) => {
        const price = walk.price(symbol, state.ledger);
        return { symbol, quantity, price, value: quantity * price };
      });
    const cash = centsToDollars(state.ledger.cashCents.get(account) ?? 0);
    const value = holdings.reduce((s, h) => s + h.value, cash);
    return { account, cash, holdings, value, flow: state.flows.get(account) ?? 0 };
  });
}

function historyDays(options: Omit<PortfolioHistoryOptions, 'prices'>): IsoDate[] {
  const { transactions, calendar, to } = options;
  const first = transactions[0];
  if (first === undefined)
    throw new BallastError('INSUFFICIENT_DATA', 'transactions: the ledger is empty', {
      field: 'transactions',
    });
  if (options.from !== undefined && options.from > to)
    throw invalidInput('from', options.from, `must not be after to ${to}`);
  const from = options.from !== undefined && options.from > first.date ? options.from : first.date;
  const start = tradingDayOnOrAfter(calendar, from);
  const end = tradingDayOnOrBefore(calendar, to);
  if (start > end)
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `history: no trading day between ${from} and ${to} (the first transaction is on ${first.date})`,
      { field: 'to', value: to, from },
    );
  return tradingDaysBetween(calendar, { from: previousTradingDay(calendar, start), to: end });
}

/**
 * Replays `transactions` over the trading days of `calendar` and values each day (see
 * {@link PortfolioHistory}: `days[0]` is the base close before the first day covered).
 *
 * - Transactions dated on a closed day count on the next trading day.
 * - Holdings: the ledger (`buildLedger`) as of each day, rebuilt only on days with
 *   transactions — O(days × positions + transaction-days × transactions).
 * - Prices: the day's unadjusted close; else the last close carried forward (divided by ledger
 *   splits since) and flagged `carriedClose`; else the ledger's last trade price flagged
 *   `lastTrade`; else DATA_UNAVAILABLE. Consecutive flagged days form one {@link PriceFlag}.
 * - Flows: deposits − withdrawals; securities transferred into/out of the whole portfolio at
 *   the day's price; an internal transfer (a `transfer_in` matched to a `transfer_out`) is a
 *   flow of both accounts on the day the shares arrive (they stay valued in the sender while
 *   in transit) and 0 in total.
 *
 * @throws BallastError INSUFFICIENT_DATA (empty ledger, no trading day in range),
 *   INVALID_INPUT (`from` after `to`, bad prices, ledger errors), DATA_UNAVAILABLE (no price).
 */
export function portfolioHistory(options: PortfolioHistoryOptions): PortfolioHistory {
  const txs = options.transactions;
  const dates = historyDays(options);
  const walk = new Walk(txs, options.prices);
  const lotMethod = options.lotMethod ?? 'fifo';
  const days: HistoryDay[] = [];
  let k = 0;
  let ledger: LedgerResult | undefined;
  let quantities: Quantities = new Map();
  for (const [index, date] of dates.entries()) {
    const start = k;
    while (k < txs.length && txs[k]!.date <= date) k += 1;
    if (ledger === undefined || k > start) {
      ledger = buildLedger(txs.slice(0, k), { lotMethod });
      quantities = quantitiesAt(walk, ledger, k);
    }
    walk.startDay(date);
    const flows =
      index === 0
        ? { accounts: new Map<string, number>(), total: 0, symbols: new Map<string, number>() }
        : flowsOf(walk, { start, end: k, ledger });
    const accounts = valueAccounts(walk, { ledger, quantities, flows: flows.accounts });
    const value = accounts.reduce((s, a) => s + a.value, 0);
    const securityFlows = flows.symbols.size ? { securityFlows: flows.symbols } : {};
    days.push({ date, accounts, value, flow: flows.total, ...securityFlows });
  }
  return { days, flags: walk.runs.map((r) => ({ ...r })) };
}

/**
 * Symbols a history over the same options must price: those open at the base close and those
 * of every transaction after the base up to the last day (trades, transfers, splits,
 * reinvestments). A symbol closed out before the window needs no price.
 */
export function symbolsToPrice(options: Omit<PortfolioHistoryOptions, 'prices'>): string[] {
  const dates = historyDays(options);
  const base = dates[0]!;
  const end = dates.at(-1)!;
  const symbols = new Set<string>();
  const atBase = buildLedger(options.transactions, {
    asOf: base,
    lotMethod: options.lotMethod ?? 'fifo',
  });
  for (const lot of atBase.lots) symbols.add(lot.symbol);
  for (const out of atBase.transferredOut) symbols.add(out.symbol);
  for (const tx of options.transactions) {
    if (tx.date <= base || tx.date > end) continue;
    if (
      'symbol' in tx &&
      tx.symbol !== undefined &&
      tx.type !== 'dividend' &&
      tx.type !== 'interest' &&
      tx.type !== 'fee' &&
      tx.type !== 'deposit' &&
      tx.type !== 'withdrawal'
    )
      symbols.add(tx.symbol);
  }
  return [...symbols].sort();
}
