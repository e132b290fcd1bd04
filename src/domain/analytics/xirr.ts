/**
 * Money-weighted return: the annual internal rate of return of dated cash flows, the
 * spreadsheet XIRR (Excel/LibreOffice/Google Sheets): Σ_i CF_i / (1 + x)^((d_i − d_0)/365) = 0
 * with Actual/365 year fractions from the first date. With `yearDays: D` the same equation is
 * solved with (d_i − d_0)/D: the rate per D-day period — D = the window's own length gives the
 * period's money-weighted return, not annualised (docs/conventions.md, "Risk and performance
 * measures": a period shorter than a year is not annualised).
 */

import { toDayNumber, type IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';
import type { ValuationPoint } from './time-weighted-return.ts';

/** A dated cash flow from the INVESTOR's side: paid in < 0, received (or final value) > 0. */
export interface DatedFlow {
  readonly date: IsoDate;
  readonly amount: number;
}

/** Options of {@link xirr}. */
export interface XirrOptions {
  /** Days in one compounding period of the rate (default 365: an annual rate, Actual/365). */
  readonly yearDays?: number;
}

function npvAndDerivative(
  flows: readonly DatedFlow[],
  rate: number,
  yearDays = 365,
): [number, number] {
  const d0 = toDayNumber(flows[0]!.date);
  let npv = 0;
  let slope = 0;
  for (const f of flows) {
    const t = (toDayNumber(f.date) - d0) / yearDays;
    const discounted = f.amount * (1 + rate) ** -t;
    npv += discounted;
    slope -= (t * discounted) / (1 + rate);
  }
  return [npv, slope];
}

/**
 * XIRR's net present value of `flows` at `rate` per `yearDays` days (default 365: annual,
 * Actual/365 from the first date).
 */
export function xnpv(flows: readonly DatedFlow[], rate: number, yearDays = 365): number {
  return npvAndDerivative(flows, rate, yearDays)[0];
}

function bisect(
  flows: readonly DatedFlow[],
  bracket: { lo: number; hi: number },
  yearDays: number,
): number {
  let { lo, hi } = bracket;
  let fLo = xnpv(flows, lo, yearDays);
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    const mid = 0.5 * (lo + hi);
    const fMid = xnpv(flows, mid, yearDays);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * XIRR of `flows` (sorted or not; sorted by date internally): Newton from 10 % (Excel's
 * default guess), falling back to bisection on a sign change found on a grid of rates in
 * (−1, 1e6) when Newton leaves (−1, ∞) or does not converge (|Δx| < 1e-12 within 100 steps).
 * Throws `INSUFFICIENT_DATA` for fewer than two dates or flows all of one sign, and
 * `SOLVER_FAILED` when no sign change of the NPV exists (no root). `options.yearDays` (default
 * 365) sets the length of the period the rate is per.
 */
export function xirr(flows: readonly DatedFlow[], options: XirrOptions = {}): number {
  const yearDays = options.yearDays ?? 365;
  if (!(yearDays > 0 && Number.isFinite(yearDays)))
    throw invalidInput('yearDays', yearDays, 'must be a positive number of days');
  const sorted = [...flows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const f of sorted)
    if (!Number.isFinite(f.amount)) throw invalidInput('flows.amount', f.amount, 'must be finite');
  const hasIn = sorted.some((f) => f.amount < 0);
  const hasOut = sorted.some((f) => f.amount > 0);
  if (sorted.length < 2 || !hasIn || !hasOut || sorted[0]!.date === sorted.at(-1)!.date)
    throw new BallastError(
      'INSUFFICIENT_DATA',
      'xirr: needs flows on at least two dates with both signs (paid in < 0, received > 0)',
      { field: 'flows', count: sorted.length },
    );
  let x = 0.1;
  for (let i = 0; i < 100; i++) {
    const [f, df] = npvAndDerivative(sorted, x, yearDays);
    if (!(df !== 0 && Number.isFinite(f))) break;
    const next = x - f / df;
    if (!(next > -1) || !Number.isFinite(next)) break;
    if (Math.abs(next - x) < 1e-12 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  const grid = [-0.999999, -0.99, -0.9, -0.5, -0.2, 0, 0.2, 0.5, 1, 3, 10, 100, 1e3, 1e4, 1e6];
  for (let i = 1; i < grid.length; i++) {
    const lo = grid[i - 1]!;
    const hi = grid[i]!;
    if (Math.sign(xnpv(sorted, lo, yearDays)) !== Math.sign(xnpv(sorted, hi, yearDays)))
      return bisect(sorted, { lo, hi }, yearDays);
  }
  throw new BallastError(
    'SOLVER_FAILED',
    'xirr: the NPV has no sign change in (-100 %, 1e8 %): no root',
    {
      field: 'flows',
    },
  );
}

/**
 * Money-weighted return of a valuation history as XIRR: the first value paid in, each
 * external flow paid in (deposit → −CF), the last value received. Flows take their own date.
 * The rate is annual unless `options.yearDays` says otherwise (see {@link xirr}).
 */
export function moneyWeightedReturn(
  points: readonly ValuationPoint[],
  options: XirrOptions = {},
): number {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || points.length < 2)
    throw new BallastError('INSUFFICIENT_DATA', 'mwr: needs at least two valuations', {
      field: 'points',
      count: points.length,
    });
  const flows: DatedFlow[] = [{ date: first.date, amount: -first.value }];
  for (const p of points.slice(1)) if (p.flow) flows.push({ date: p.date, amount: -p.flow });
  flows.push({ date: last.date, amount: last.value });
  return xirr(flows, options);
}
