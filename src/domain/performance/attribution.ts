/**
 * Return attribution by position over a portfolio history: each day's P&L split by
 * symbol, divided by that day's TWR denominator so the contributions add up to the day's TWR,
 * then linked with Carino's log smoothing (`analytics/return-attribution`) so they add up to
 * each period's TWR and to the whole window's TWR.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import type { FlowTiming } from '../analytics/time-weighted-return.ts';
import { linkCarino } from '../analytics/return-attribution.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { centsToDollars, tradeValueCents, type Cents } from '../ledger/money.ts';
import type { Transaction } from '../ledger/types.ts';
import { dailyReturns, totalPoints } from './returns.ts';
import type { HistoryDay, PortfolioHistory } from './types.ts';

/** The line of P&L not tied to a symbol (interest, fee rows, cash rows without a symbol). */
export const CASH_OTHER = 'cash/other';

/** The method named in reports. */
export const ATTRIBUTION_METHOD = 'Carino-linked daily contributions';

/** Half a cent: a base and value this close to zero is no capital (as in `returns.ts`). */
const NO_CAPITAL = 0.005;

/** Contributions by position name (symbols and {@link CASH_OTHER}), decimals. */
export type Contributions = Readonly<Record<string, number>>;

/** One history day split by position. */
export interface AttributionDay {
  readonly date: IsoDate;
  /** The TWR denominator: V_{d−1} + CF_d (start-of-day flows) or V_{d−1} (end-of-day). */
  readonly base: number;
  /** The day's TWR r_d (as `dailyReturns` computes it). */
  readonly twr: number;
  /** P&L by position in dollars; Σ = V_d − V_{d−1} − CF_d. */
  readonly pnl: Contributions;
  /** c_{i,d} = P&L_{i,d} / base (all 0 on a day without capital); Σ = r_d. */
  readonly contributions: Contributions;
}

/** Linked contributions over a run of days. */
export interface LinkedPeriod {
  readonly period: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Π(1 + r_d) − 1 over the period's days. */
  readonly twr: number;
  /** Carino-linked contributions; Σ = `twr`. */
  readonly contributions: Contributions;
}

/** Attribution of a whole history window. */
export interface PositionAttribution {
  readonly method: typeof ATTRIBUTION_METHOD;
  /** Symbols (sorted) then {@link CASH_OTHER}. */
  readonly positions: readonly string[];
  readonly days: readonly AttributionDay[];
  /** Linked over every day of the window (label `total`). */
  readonly total: LinkedPeriod;
  /** Linked within each period (consecutive days with the same `periodOf` label). */
  readonly periods: readonly LinkedPeriod[];
}

/** Options of {@link positionAttribution}. */
export interface AttributionOptions {
  /** The ledger the history was built from. */
  readonly transactions: readonly Transaction[];
  readonly history: PortfolioHistory;
  readonly flowTiming?: FlowTiming;
  /** Period label of a day (default: one period `total`). */
  readonly periodOf?: (date: IsoDate) => string;
}

/**
 * Cash of a transaction that belongs to its symbol's P&L, in cents (fees included), or
 * `undefined` for cash not tied to a symbol: trades (−(quantity × price rounded to the cent)
 * − fees for a buy, + … − fees for a sell), dividends and returns of capital with a symbol
 * (amount − fees), and the fees of reinvestments, splits and transfers. Fee and interest rows,
 * deposits, withdrawals and dividends without a symbol are `cash/other` (or flows).
 */
export function symbolCashCents(tx: Transaction): { symbol: string; cents: Cents } | undefined {
  switch (tx.type) {
    case 'buy':
    case 'sell': {
      const gross = tradeValueCents(tx.quantity, tx.price);
      return { symbol: tx.symbol, cents: (tx.type === 'buy' ? -gross : gross) - tx.feesCents };
    }
    case 'dividend':
      return tx.symbol === undefined
        ? undefined
        : { symbol: tx.symbol, cents: tx.amountCents - tx.feesCents };
    case 'return_of_capital':
      return { symbol: tx.symbol, cents: tx.amountCents - tx.feesCents };
    case 'reinvest':
    case 'split':
    case 'transfer_in':
    case 'transfer_out':
      return { symbol: tx.symbol, cents: -tx.feesCents };
    default:
      return undefined;
  }
}

function marketValues(day: HistoryDay): Map<string, number> {
  const mv = new Map<string, number>();
  for (const a of day.accounts)
    for (const h of a.holdings) mv.set(h.symbol, (mv.get(h.symbol) ?? 0) + h.value);
  return mv;
}

/**
 * P&L by position of each day d ≥ 1 of the history: for a symbol i,
 * P&L_{i,d} = MV_{i,d} − MV_{i,d−1} + (its trade, dividend and fee cash on d) − (its external
 * securities flow on d); `cash/other` is the rest of V_d − V_{d−1} − CF_d (interest, fee rows,
 * cash without a symbol), so each day's lines add up to it.
 */
export function dailyPositionPnl(
  options: Pick<AttributionOptions, 'transactions' | 'history'>,
): Map<string, number>[] {
  const { days } = options.history;
  const txs = options.transactions;
  const out: Map<string, number>[] = [];
  let k = 0;
  while (k < txs.length && txs[k]!.date <= days[0]!.date) k += 1;
  let previous = marketValues(days[0]!);
  for (let d = 1; d < days.length; d++) {
    const day = days[d]!;
    const current = marketValues(day);
    const cents = new Map<string, Cents>();
    for (; k < txs.length && txs[k]!.date <= day.date; k++) {
      const cash = symbolCashCents(txs[k]!);
      if (cash) cents.set(cash.symbol, (cents.get(cash.symbol) ?? 0) + cash.cents);
    }
    const symbols = new Set([...previous.keys(), ...current.keys(), ...cents.keys()]);
    for (const s of day.securityFlows?.keys() ?? []) symbols.add(s);
    const pnl = new Map<string, number>();
    let sum = 0;
    for (const s of [...symbols].sort()) {
      const p =
        (current.get(s) ?? 0) -
        (previous.get(s) ?? 0) +
        centsToDollars(cents.get(s) ?? 0) -
        (day.securityFlows?.get(s) ?? 0);
      pnl.set(s, p);
      sum += p;
    }
    pnl.set(CASH_OTHER, day.value - days[d - 1]!.value - day.flow - sum);
    out.push(pnl);
    previous = current;
  }
  return out;
}

function link(
  days: readonly AttributionDay[],
  label: { period: string; positions: readonly string[] },
): LinkedPeriod {
  const { positions } = label;
  const cols = positions.length;
  const data = new Float64Array(days.length * cols);
  days.forEach((d, t) =>
    positions.forEach((p, i) => {
      data[t * cols + i] = d.contributions[p] ?? 0;
    }),
  );
  const contributions: Matrix = { rows: days.length, cols, data };
  const linked = linkCarino({
    contributions,
    portfolioReturns: Float64Array.from(days, (d) => d.twr),
  });
  return {
    period: label.period,
    start: days[0]!.date,
    end: days.at(-1)!.date,
    twr: linked.totalReturn,
    contributions: Object.fromEntries(positions.map((p, i) => [p, linked.linked[i]!])),
  };
}

/**
 * Position attribution of the history window (see {@link dailyPositionPnl}):
 * c_{i,d} = P&L_{i,d} / base_d with base_d the day's TWR denominator (`returns.ts`), so
 * Σ_i c_{i,d} = r_d; over a period (and the whole window) C_i = Σ_d (k_d / K) c_{i,d} with
 * Carino's k_d = ln(1 + r_d)/r_d and K = ln(1 + R)/R, so Σ_i C_i = R = Π(1 + r_d) − 1.
 *
 * @throws BallastError INVALID_INPUT when a day's TWR is undefined (`dailyReturns`) or a day
 *   loses everything (r_d ≤ −1: Carino's logarithm is undefined).
 */
export function positionAttribution(options: AttributionOptions): PositionAttribution {
  const { days: history } = options.history;
  const timing = options.flowTiming ?? 'startOfDay';
  const returns = dailyReturns(totalPoints(history), timing);
  const pnl = dailyPositionPnl(options);
  const symbols = new Set<string>();
  for (const p of pnl) for (const s of p.keys()) if (s !== CASH_OTHER) symbols.add(s);
  const positions = [...[...symbols].sort(), CASH_OTHER];
  const days = pnl.map((p, i): AttributionDay => {
    const prev = history[i]!;
    const cur = history[i + 1]!;
    const base = timing === 'startOfDay' ? prev.value + cur.flow : prev.value;
    const end = timing === 'startOfDay' ? cur.value : cur.value - cur.flow;
    const idle = Math.abs(base) < NO_CAPITAL && Math.abs(end) < NO_CAPITAL;
    return {
      date: cur.date,
      base,
      twr: returns[i]!.value,
      pnl: Object.fromEntries(positions.map((s) => [s, p.get(s) ?? 0])),
      contributions: Object.fromEntries(
        positions.map((s) => [s, idle ? 0 : (p.get(s) ?? 0) / base]),
      ),
    };
  });
  const periodOf = options.periodOf ?? ((): string => 'total');
  const groups: { period: string; days: AttributionDay[] }[] = [];
  for (const d of days) {
    const period = periodOf(d.date);
    const last = groups.at(-1);
    if (last?.period === period) last.days.push(d);
    else groups.push({ period, days: [d] });
  }
  return {
    method: ATTRIBUTION_METHOD,
    positions,
    days,
    total: link(days, { period: 'total', positions }),
    periods: groups.map((g) => link(g.days, { period: g.period, positions })),
  };
}
