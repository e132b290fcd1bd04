/**
 * Returns of a portfolio history: daily time-weighted returns chain-linked between external
 * flows (docs/conventions.md: flows at the start of the day unless told otherwise; delegated to
 * `analytics/time-weighted-return`), compounded by calendar period, and the money-weighted
 * return (XIRR, `analytics/xirr`).
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { daysBetween } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import {
  subPeriodReturns,
  type FlowTiming,
  type ValuationPoint,
} from '../analytics/time-weighted-return.ts';
import { moneyWeightedReturn } from '../analytics/xirr.ts';
import type { ReturnSeries } from '../series/types.ts';
import type { HistoryDay } from './types.ts';

/** Half a cent: a value this close to zero is no capital at all. */
const NO_CAPITAL = 0.005;

/** Valuation points (value at the close, flow of the day) of the whole portfolio. */
export function totalPoints(days: readonly HistoryDay[]): ValuationPoint[] {
  return days.map((d) => ({ date: d.date, value: d.value, flow: d.flow }));
}

/** Valuation points of one account (value and flow 0 on days before the account exists). */
export function accountPoints(days: readonly HistoryDay[], account: string): ValuationPoint[] {
  return days.map((d) => {
    const a = d.accounts.find((x) => x.account === account);
    return { date: d.date, value: a?.value ?? 0, flow: a?.flow ?? 0 };
  });
}

/**
 * Daily TWR sub-period returns labelled by day (docs/conventions.md): with `startOfDay` flows
 * r_d = V_d / (V_{d−1} + CF_d) − 1, with `endOfDay` r_d = (V_d − CF_d) / V_{d−1} − 1. A day with
 * no capital before and after (|base| and |V_d| under half a cent: before the first deposit,
 * after a full withdrawal) returns 0.
 *
 * @throws BallastError INVALID_INPUT when the base of a day with capital is not positive (e.g. a
 *   start-of-day withdrawal larger than the previous close, or a negative net value), naming the day.
 */
export function dailyReturns(
  points: readonly ValuationPoint[],
  timing: FlowTiming = 'startOfDay',
): ReturnSeries {
  const out: { date: IsoDate; value: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!;
    const cur = points[i]!;
    const base = timing === 'startOfDay' ? prev.value + (cur.flow ?? 0) : prev.value;
    const end = timing === 'startOfDay' ? cur.value : cur.value - (cur.flow ?? 0);
    if (Math.abs(base) < NO_CAPITAL && Math.abs(end) < NO_CAPITAL) {
      out.push({ date: cur.date, value: 0 });
      continue;
    }
    if (!(base > 0))
      throw new BallastError(
        'INVALID_INPUT',
        `twr: on ${cur.date} the value the day's return is measured on (${base.toFixed(2)}, flows at the ${timing === 'startOfDay' ? 'start' : 'end'} of the day) is not positive, so that day's return is undefined`,
        { field: 'value', value: base, date: cur.date, flowTiming: timing },
      );
    out.push(subPeriodReturns([prev, cur], timing)[0]!);
  }
  return out;
}

/** Π(1 + r) − 1 over a return series (0 for an empty one). */
export function compound(series: ReturnSeries): number {
  return series.reduce((g, p) => g * (1 + p.value), 1) - 1;
}

/** Windows longer than this many calendar days have annualised returns; shorter ones do not. */
export const ANNUALISE_AFTER_DAYS = 365;

/**
 * True when a window from the base close `from` to `to` is longer than a year (more than
 * {@link ANNUALISE_AFTER_DAYS} calendar days): only then are its returns annualised (GIPS;
 * docs/conventions.md, "Risk and performance measures").
 */
export function isAnnualisable(span: { from: IsoDate; to: IsoDate }): boolean {
  return daysBetween(span.from, span.to) > ANNUALISE_AFTER_DAYS;
}

/**
 * Annualised TWR, geometric on the observation count (docs/conventions.md): (1 + TWR)^(252 / n) − 1 for n
 * daily returns, reported only when the history spans more than 365 calendar days (a shorter
 * return is not annualised, as GIPS requires); `null` otherwise.
 */
export function annualizeTwr(
  twr: number,
  span: { from: IsoDate; to: IsoDate; n: number },
): number | null {
  if (!isAnnualisable(span) || span.n === 0) return null;
  return (1 + twr) ** (252 / span.n) - 1;
}

/** How a money-weighted return is stated: per year, or for the window itself. */
export type MwrBasis = 'annual' | 'period';

/** The money-weighted return as reported, or why it is undefined. */
export type ReportedMwr =
  | { readonly mwr: number; readonly basis: MwrBasis; readonly days: number }
  | { readonly reason: string; readonly basis: MwrBasis; readonly days: number };

/**
 * Calendar days from the first money in the window (the base value when it is not zero, else
 * the first day with an external flow) to the last valuation: the length of the period a
 * money-weighted return is for. 0 when no money ever enters.
 */
export function moneyDays(points: readonly ValuationPoint[]): number {
  const last = points.at(-1);
  const first = points.find((p, i) => (i === 0 ? p.value !== 0 : (p.flow ?? 0) !== 0));
  return first === undefined || last === undefined ? 0 : daysBetween(first.date, last.date);
}

/**
 * Money-weighted return: XIRR of −start value at the base date, −each external flow at its date
 * and +end value (`analytics/xirr`).
 * - Window longer than a year ({@link isAnnualisable}): the annual XIRR (Actual/365), basis
 *   `annual`.
 * - A year or less: the window's own money-weighted return, basis `period` — the rate ρ per
 *   D days that zeroes Σ CF_i (1 + ρ)^(−(d_i − d_0)/D), D = {@link moneyDays} (equal to
 *   (1 + XIRR)^(D/365) − 1, but solved directly so a short window with a large return does not
 *   overflow the annual rate). GIPS forbids annualising a return for less than a year: a
 *   week's +11 % is reported as +11 %, not as an XIRR of 24,000 %.
 * Returns the failure reason instead when XIRR is undefined (fewer than two dates with flows
 * of both signs, or no root).
 */
export function mwrOf(points: readonly ValuationPoint[]): ReportedMwr {
  const first = points[0];
  const last = points.at(-1);
  const annual =
    first !== undefined &&
    last !== undefined &&
    isAnnualisable({ from: first.date, to: last.date });
  const days = moneyDays(points);
  const basis: MwrBasis = annual ? 'annual' : 'period';
  try {
    const options = annual || days === 0 ? {} : { yearDays: days };
    return { mwr: moneyWeightedReturn(points, options), basis, days };
  } catch (e) {
    if (e instanceof BallastError && (e.code === 'INSUFFICIENT_DATA' || e.code === 'SOLVER_FAILED'))
      return { reason: e.message, basis, days };
    throw e;
  }
}
