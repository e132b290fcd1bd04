/**
 * Real and excess returns (docs/conventions.md, "Returns"). All inputs and outputs are simple returns
 * over the same period, as decimals.
 *
 * - Real (exact Fisher): (1 + r) / (1 + π) − 1, never the approximation r − π.
 * - Excess over cash, named by method: `geometric` (1 + r) / (1 + r_f) − 1 or `arithmetic`
 *   r − r_f. Sharpe-style statistics in docs/conventions.md use the arithmetic difference per period.
 */

import type { ReturnSeries } from './types.ts';
import { zipByDate, type MissingPolicy } from './zip-by-date.ts';

/** Exact Fisher real return: (1 + nominal) / (1 + inflation) − 1. */
export function realReturn(nominal: number, inflation: number): number {
  return (1 + nominal) / (1 + inflation) - 1;
}

/** Geometric excess return: (1 + r) / (1 + r_f) − 1. */
export function geometricExcessReturn(total: number, riskFree: number): number {
  return (1 + total) / (1 + riskFree) - 1;
}

/** Arithmetic excess return: r − r_f. */
export function arithmeticExcessReturn(total: number, riskFree: number): number {
  return total - riskFree;
}

/** How an excess return is measured. */
export type ExcessMethod = 'geometric' | 'arithmetic';

/** Nominal returns and inflation over the same periods. */
export interface RealReturnInput {
  readonly returns: ReturnSeries;
  readonly inflation: ReturnSeries;
}

/** Real returns per date of `returns` (inflation must cover them unless `missing: 'intersect'`). */
export function realReturns(
  input: RealReturnInput,
  options: { readonly missing?: MissingPolicy } = {},
): ReturnSeries {
  const pairs = zipByDate(
    {
      primary: input.returns,
      secondary: input.inflation,
      primaryName: 'returns',
      secondaryName: 'inflation',
    },
    options.missing,
  );
  return pairs.map((p) => ({ date: p.date, value: realReturn(p.primary, p.secondary) }));
}

/** Returns and the cash (risk-free) return over the same periods. */
export interface ExcessReturnInput {
  readonly returns: ReturnSeries;
  readonly riskFree: ReturnSeries;
}

/** Options of {@link excessReturns}: the method is required, the missing policy defaults to `error`. */
export interface ExcessReturnOptions {
  readonly method: ExcessMethod;
  readonly missing?: MissingPolicy;
}

/** Excess returns per date of `returns` by `options.method`. */
export function excessReturns(
  input: ExcessReturnInput,
  options: ExcessReturnOptions,
): ReturnSeries {
  const pairs = zipByDate(
    {
      primary: input.returns,
      secondary: input.riskFree,
      primaryName: 'returns',
      secondaryName: 'riskFree',
    },
    options.missing,
  );
  const excess = options.method === 'geometric' ? geometricExcessReturn : arithmeticExcessReturn;
  return pairs.map((p) => ({ date: p.date, value: excess(p.primary, p.secondary) }));
}
