/**
 * Whole-period and annualised figures of a per-period simple return series
 * (docs/conventions.md, "Risk and performance measures"). `periodsPerYear` (k) is always explicit.
 */

import { invalidInput } from '../errors.ts';
import { mean, sampleStdev } from './moments.ts';

/** Throws `INVALID_INPUT` unless k is a positive finite number; returns it. */
export function checkPeriodsPerYear(periodsPerYear: number): number {
  if (!(periodsPerYear > 0 && Number.isFinite(periodsPerYear)))
    throw invalidInput('periodsPerYear', periodsPerYear, 'must be a positive number');
  return periodsPerYear;
}

/**
 * Per-period risk-free rate from an annual rate: (1 + rf)^(1/k) − 1 (geometric
 * de-annualisation, as PerformanceAnalytics `Return.annualized` inverts and docs/conventions.md states).
 */
export function riskFreePerPeriod(riskFreeRateAnnual: number, periodsPerYear: number): number {
  return (1 + riskFreeRateAnnual) ** (1 / checkPeriodsPerYear(periodsPerYear)) - 1;
}

/** Compounded total return Π(1 + r_t) − 1 (empyrical `cum_returns_final`). */
export function totalReturn(returns: ArrayLike<number>): number {
  let g = 1;
  for (let i = 0; i < returns.length; i++) g *= 1 + returns[i]!;
  return g - 1;
}

/**
 * Geometric annualised return (Π(1 + r_t))^(k/n) − 1 on the observation count n
 * (PerformanceAnalytics `Return.annualized(geometric = TRUE)`, empyrical `annual_return`).
 */
export function annualizedReturn(returns: ArrayLike<number>, periodsPerYear: number): number {
  const k = checkPeriodsPerYear(periodsPerYear);
  return (1 + totalReturn(returns)) ** (k / returns.length) - 1;
}

/** Arithmetic annualised return mean(r)·k (PerformanceAnalytics `geometric = FALSE`). */
export function annualizedReturnArithmetic(
  returns: ArrayLike<number>,
  periodsPerYear: number,
): number {
  return mean(returns) * checkPeriodsPerYear(periodsPerYear);
}

/**
 * Annualised volatility: sample standard deviation (divisor n − 1) × √k
 * (PerformanceAnalytics `StdDev.annualized`; empyrical `annual_volatility` uses ddof = 1 too).
 */
export function annualizedVolatility(returns: ArrayLike<number>, periodsPerYear: number): number {
  return sampleStdev(returns) * Math.sqrt(checkPeriodsPerYear(periodsPerYear));
}
