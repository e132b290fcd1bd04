/**
 * Shapes of a portfolio history: the ledger replayed over trading days, valued with
 * the day's unadjusted close, with external flows per account and in total. Money in dollars
 * (float64) here; the ledger underneath keeps integer cents.
 */

import type { IsoDate } from '../calendar/iso-date.ts';

/** One unadjusted close of a symbol (as traded that day; the ledger applies splits itself). */
export interface ClosePoint {
  readonly date: IsoDate;
  readonly close: number;
}

/** Unadjusted closes per symbol (upper-case), each list ascending by date. */
export type PriceHistory = ReadonlyMap<string, readonly ClosePoint[]>;

/**
 * How a position was priced on a day when that day's close was missing:
 * - `carriedClose`: the last known close (dated `priceDate`) carried forward, divided by any
 *   ledger split of the symbol after `priceDate`;
 * - `lastTrade`: no close known yet, the ledger's last trade price (dated `priceDate`).
 */
export type PriceFlagKind = 'carriedClose' | 'lastTrade';

/** A run of consecutive history days on which `symbol` was priced the same flagged way. */
export interface PriceFlag {
  readonly kind: PriceFlagKind;
  readonly symbol: string;
  /** First and last history day of the run (inclusive). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Date of the price used (the carried close's day, or the trade's day). */
  readonly priceDate: IsoDate;
}

/** A position held at the end of a day, with the price it was valued at. */
export interface HoldingValue {
  readonly symbol: string;
  /** Signed quantity (negative = short), split-adjusted by the ledger. */
  readonly quantity: number;
  readonly price: number;
  /** quantity × price, in dollars. */
  readonly value: number;
}

/** One account at the end of one trading day. */
export interface AccountDay {
  readonly account: string;
  /** Cash in dollars (negative = margin debt). */
  readonly cash: number;
  /** Open positions (quantity ≠ 0), sorted by symbol. Internal transfers in transit stay with the sender. */
  readonly holdings: readonly HoldingValue[];
  /** cash + Σ holdings value. */
  readonly value: number;
  /** External flow into this account on this day (> 0 in, < 0 out), dollars. */
  readonly flow: number;
}

/** The portfolio at the end of one trading day. */
export interface HistoryDay {
  readonly date: IsoDate;
  /** Accounts sorted by name (every account the ledger has seen so far). */
  readonly accounts: readonly AccountDay[];
  /** Σ account values. */
  readonly value: number;
  /**
   * External flow of the portfolio on this day: deposits − withdrawals + securities that
   * entered − securities that left the whole portfolio (valued at this day's price).
   * Transfers between two accounts of the portfolio are internal (0 in total).
   */
  readonly flow: number;
  /**
   * The securities part of `flow` by symbol (shares that entered or left the whole portfolio,
   * valued at this day's price; > 0 in); absent on days without such a transfer.
   */
  readonly securityFlows?: ReadonlyMap<string, number>;
}

/** The ledger replayed over trading days. */
export interface PortfolioHistory {
  /**
   * `days[0]` is the base: the close of the trading day before the first day covered (value 0
   * before the first transaction); its flow is already inside its value. Returns start at
   * `days[1]`.
   */
  readonly days: readonly HistoryDay[];
  /** Flagged prices (never invented: carried closes and last trade prices), by run. */
  readonly flags: readonly PriceFlag[];
}
