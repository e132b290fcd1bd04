/**
 * The ledger rows that stored corporate actions imply (docs/corporate-actions.md): given a
 * ledger and, per symbol, the dividends and splits of its stored price bars, which `split` and
 * `dividend` rows are missing. Pure: the bars come in as arguments.
 *
 * Conventions:
 *
 * - A bar's `split` is the ratio effective on its date (2 for 2-for-1) and its `dividend` the cash
 *   per share going ex on its date, unadjusted (docs/conventions.md, "Returns").
 * - Holdings are counted at the start of the event's date: every ledger row dated before it
 *   counts, none dated on or after it (ex-date convention: a dividend belongs to the shares held
 *   at the close before the ex-date; shares bought on the ex-date do not get it, shares sold on
 *   it do). Only long positions (quantity > 0) are entitled; a short owes the dividend, which
 *   the ledger has no row for.
 * - A split row applies to every account (the ledger's `split` does), so one row is proposed per
 *   symbol and date while any account holds it, naming the first account that does; a dividend
 *   row is proposed per account: `amount` = shares × dividend per share rounded half away from
 *   zero to the cent (money.ts `tradeValueCents`).
 * - Never applied twice: a split is already recorded when the ledger has a `split` row of the
 *   symbol (any account) dated within {@link DEFAULT_SPLIT_WINDOW_DAYS} calendar days either
 *   side of the event; a dividend, when it has a `dividend` row with that symbol or a `reinvest`
 *   row of it, in that account, dated from {@link DIVIDEND_DAYS_BEFORE} days before the ex-date
 *   to `dividendWindowDays` after it (default {@link DEFAULT_DIVIDEND_WINDOW_DAYS}: pay dates
 *   trail ex-dates). Each ledger row answers for one event at most: a row on the event's own
 *   date first, else the earliest unused one in the window.
 * - A proposed split is counted at once: dividends after it see the split shares.
 * - A `dividend` row without a symbol in that account within the dividend's window may be it:
 *   nothing is proposed for that account then (the event is listed as `uncertain`, with the
 *   lines of those rows), so that no dividend is entered twice.
 */

import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import { roundQuantity, tradeValueCents, type Cents } from './money.ts';
import type { Transaction } from './types.ts';

/** Days either side of a split's date within which a recorded `split` row counts as it. */
export const DEFAULT_SPLIT_WINDOW_DAYS = 5;
/** Days after a dividend's ex-date within which a recorded dividend counts as it (pay date). */
export const DEFAULT_DIVIDEND_WINDOW_DAYS = 31;
/** Days before an ex-date within which a recorded dividend counts as it (a record-date entry). */
export const DIVIDEND_DAYS_BEFORE = 3;

/** One day of a symbol's stored bars that carries a corporate action. */
export interface CorporateActionBar {
  readonly date: IsoDate;
  /** Cash dividend per share going ex on `date` (0 when none). */
  readonly dividend: number;
  /** Split ratio effective on `date` (1 when none). */
  readonly split: number;
}

/** Options of {@link proposeCorporateActions}. */
export interface CorporateActionOptions {
  /** Days after an ex-date a recorded dividend may be dated (default 31). */
  readonly dividendWindowDays?: number;
  /** Days either side a recorded split may be dated (default 5). */
  readonly splitWindowDays?: number;
  /** Ignore events after this date (inclusive end). */
  readonly through?: IsoDate;
}

/** A proposed ledger row (no source line yet) and what it was computed from. */
export interface ProposedAction {
  readonly transaction: ProposedRow;
  /** Shares held at the start of the date (for a split: in every account together). */
  readonly shares: number;
  /** Dividend per share (dividends only). */
  readonly perShare?: number;
}

/** A proposed `split` or `dividend` row, without a source line. */
export type ProposedRow =
  | {
      readonly type: 'split';
      readonly date: IsoDate;
      readonly account: string;
      readonly symbol: string;
      readonly ratio: number;
      readonly feesCents: 0;
    }
  | {
      readonly type: 'dividend';
      readonly date: IsoDate;
      readonly account: string;
      readonly symbol: string;
      readonly amountCents: Cents;
      readonly feesCents: 0;
    };

/** An event the ledger already records, and the row (its source line) that records it. */
export interface RecordedAction {
  readonly type: 'split' | 'dividend';
  readonly date: IsoDate;
  readonly symbol: string;
  /** The account (dividends; for splits the recording row's account). */
  readonly account: string;
  readonly line: number;
  readonly recordedOn: IsoDate;
}

/** A dividend that a ledger row without a symbol may already record: not proposed. */
export interface UncertainAction {
  readonly type: 'dividend';
  readonly date: IsoDate;
  readonly symbol: string;
  readonly account: string;
  /** Lines of the symbol-less `dividend` rows of the account within the window. */
  readonly lines: readonly number[];
}

/** What {@link proposeCorporateActions} found. */
export interface CorporateActionProposals {
  /** Rows to add, in date order (splits before dividends on one date). */
  readonly proposed: readonly ProposedAction[];
  /** Events the ledger already records. */
  readonly recorded: readonly RecordedAction[];
  /** Dividends not proposed because a row without a symbol may record them. */
  readonly uncertain: readonly UncertainAction[];
}

interface Event {
  readonly kind: 'split' | 'dividend';
  readonly symbol: string;
  readonly date: IsoDate;
  readonly value: number;
}

/** The events of the bars, by date, splits first, then by symbol. */
function eventsOf(
  bars: ReadonlyMap<string, readonly CorporateActionBar[]>,
  through: IsoDate | undefined,
): Event[] {
  const events: Event[] = [];
  for (const [symbol, list] of bars)
    for (const bar of list) {
      if (through !== undefined && bar.date > through) continue;
      if (bar.split !== 1 && bar.split > 0)
        events.push({ kind: 'split', symbol, date: bar.date, value: bar.split });
      if (bar.dividend > 0)
        events.push({ kind: 'dividend', symbol, date: bar.date, value: bar.dividend });
    }
  const rank = (e: Event): number => (e.kind === 'split' ? 0 : 1);
  return events.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : rank(a) - rank(b) || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0),
  );
}

/** Shares per account and symbol, as rows replay (quantities only). */
class Shares {
  /** account → symbol → signed shares, accounts in first-seen order. */
  readonly held = new Map<string, Map<string, number>>();

  private add(account: string, symbol: string, quantity: number): void {
    let bySymbol = this.held.get(account);
    if (!bySymbol) this.held.set(account, (bySymbol = new Map<string, number>()));
    bySymbol.set(symbol, roundQuantity((bySymbol.get(symbol) ?? 0) + quantity));
  }

  /** Multiplies `symbol` by `ratio` in every account, moving it to `to` (a split: to = symbol). */
  scale(symbol: string, ratio: number, to = symbol): void {
    for (const [account, bySymbol] of this.held) {
      const q = bySymbol.get(symbol);
      if (q === undefined) continue;
      bySymbol.delete(symbol);
      this.add(account, to, roundQuantity(q * ratio));
    }
  }

  apply(tx: Transaction): void {
    switch (tx.type) {
      case 'buy':
      case 'reinvest':
      case 'transfer_in':
        return this.add(tx.account, tx.symbol, tx.quantity);
      case 'sell':
      case 'transfer_out':
        return this.add(tx.account, tx.symbol, -tx.quantity);
      case 'split':
        return this.scale(tx.symbol, tx.ratio);
      case 'symbol_change':
        return this.scale(tx.symbol, 1, tx.toSymbol);
      case 'merger':
        return this.scale(tx.symbol, tx.ratio, tx.toSymbol);
      default:
        return;
    }
  }

  /** Accounts holding a long position in `symbol`, with their shares, in first-seen order. */
  longs(symbol: string): [string, number][] {
    const out: [string, number][] = [];
    for (const [account, bySymbol] of this.held) {
      const q = bySymbol.get(symbol) ?? 0;
      if (q > 0) out.push([account, q]);
    }
    return out;
  }
}

/** A ledger row that may record an event, and whether it already does. */
interface Candidate {
  readonly date: IsoDate;
  readonly line: number;
  readonly account: string;
  used: boolean;
}

/** Rows that record splits (by symbol) and dividends (by account and symbol). */
function candidatesOf(transactions: readonly Transaction[]): Map<string, Candidate[]> {
  const byKey = new Map<string, Candidate[]>();
  const push = (key: string, tx: Transaction): void => {
    const c = { date: tx.date, line: tx.source.line, account: tx.account, used: false };
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  };
  for (const tx of transactions) {
    if (tx.type === 'split') push(`split\u0000${tx.symbol}`, tx);
    else if ((tx.type === 'dividend' && tx.symbol !== undefined) || tx.type === 'reinvest')
      push(`dividend\u0000${tx.account}\u0000${tx.symbol}`, tx);
    else if (tx.type === 'dividend') push(`cash\u0000${tx.account}`, tx);
  }
  return byKey;
}

/** The unused candidate recording an event on `date` within [from, to]: same date first. */
function claim(
  list: readonly Candidate[] | undefined,
  date: IsoDate,
  window: { from: IsoDate; to: IsoDate },
): Candidate | undefined {
  if (!list) return undefined;
  const open = list.filter((c) => !c.used && c.date >= window.from && c.date <= window.to);
  const found = open.find((c) => c.date === date) ?? open[0];
  if (found) found.used = true;
  return found;
}

/**
 * The `split` and `dividend` rows the corporate actions in `bars` imply for `transactions` (a
 * ledger in date order), leaving out those the ledger already records (see the module comment).
 */
export function proposeCorporateActions(
  transactions: readonly Transaction[],
  bars: ReadonlyMap<string, readonly CorporateActionBar[]>,
  options: CorporateActionOptions = {},
): CorporateActionProposals {
  const splitDays = options.splitWindowDays ?? DEFAULT_SPLIT_WINDOW_DAYS;
  const dividendDays = options.dividendWindowDays ?? DEFAULT_DIVIDEND_WINDOW_DAYS;
  const candidates = candidatesOf(transactions);
  const shares = new Shares();
  const proposed: ProposedAction[] = [];
  const recorded: RecordedAction[] = [];
  const uncertain: UncertainAction[] = [];
  let next = 0;
  for (const event of eventsOf(bars, options.through)) {
    while (next < transactions.length && transactions[next]!.date < event.date)
      shares.apply(transactions[next++]!);
    const { symbol, date } = event;
    const longs = shares.longs(symbol);
    if (longs.length === 0) continue;
    if (event.kind === 'split') {
      const window = { from: addDays(date, -splitDays), to: addDays(date, splitDays) };
      const found = claim(candidates.get(`split\u0000${symbol}`), date, window);
      if (found) {
        const { account, line, date: recordedOn } = found;
        recorded.push({ type: 'split', date, symbol, account, line, recordedOn });
        continue;
      }
      const total = roundQuantity(longs.reduce((s, [, q]) => s + q, 0));
      const account = longs[0]![0];
      proposed.push({
        transaction: { type: 'split', date, account, symbol, ratio: event.value, feesCents: 0 },
        shares: total,
      });
      shares.scale(symbol, event.value);
      continue;
    }
    const window = { from: addDays(date, -DIVIDEND_DAYS_BEFORE), to: addDays(date, dividendDays) };
    for (const [account, q] of longs) {
      const found = claim(candidates.get(`dividend\u0000${account}\u0000${symbol}`), date, window);
      if (found) {
        const { line, date: recordedOn } = found;
        recorded.push({ type: 'dividend', date, symbol, account, line, recordedOn });
        continue;
      }
      const amountCents = tradeValueCents(q, event.value);
      if (amountCents === 0) continue;
      const lines = (candidates.get(`cash\u0000${account}`) ?? [])
        .filter((c) => c.date >= window.from && c.date <= window.to)
        .map((c) => c.line);
      if (lines.length > 0) {
        uncertain.push({ type: 'dividend', date, symbol, account, lines });
        continue;
      }
      proposed.push({
        transaction: { type: 'dividend', date, account, symbol, amountCents, feesCents: 0 },
        shares: q,
        perShare: event.value,
      });
    }
  }
  return { proposed, recorded, uncertain };
}
