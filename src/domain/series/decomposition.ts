/**
 * Multiplicative decomposition of a nominal return into inflation, the real risk-free return
 * and the risk premium (docs/conventions.md, "Returns"):
 *
 *   1 + r = (1 + π) (1 + r_real_rf) (1 + premium)
 *   r_real_rf = (1 + r_f) / (1 + π) − 1            (exact Fisher on cash)
 *   premium   = (1 + r) / ((1 + π)(1 + r_real_rf)) − 1   (= (1 + r)/(1 + r_f) − 1)
 *
 * The premium is computed from the other two factors, so the product reconciles to 1 + r to
 * floating-point rounding (a few ulps).
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import type { ReturnSeries } from './types.ts';
import { zipByDate, type MissingPolicy } from './zip-by-date.ts';

/** One period's total return, inflation and cash return (decimals). */
export interface DecompositionInput {
  readonly total: number;
  readonly inflation: number;
  readonly riskFree: number;
}

/** The three factors of 1 + r, each as a decimal rate. */
export interface ReturnComponents {
  readonly inflation: number;
  readonly realRiskFree: number;
  readonly premium: number;
}

/** Splits one period's return into {@link ReturnComponents}. Rates must exceed −1. */
export function decomposeReturn(input: DecompositionInput): ReturnComponents {
  for (const [field, value] of Object.entries(input)) {
    if (!Number.isFinite(value) || value <= -1) {
      throw invalidInput(field, value, 'must be a finite rate above −1');
    }
  }
  const inflationFactor = 1 + input.inflation;
  const realRiskFreeFactor = (1 + input.riskFree) / inflationFactor;
  const premium = (1 + input.total) / (inflationFactor * realRiskFreeFactor) - 1;
  return { inflation: input.inflation, realRiskFree: realRiskFreeFactor - 1, premium };
}

/** Series to decompose: all three over the same periods (matched by date). */
export interface DecompositionSeriesInput {
  readonly returns: ReturnSeries;
  readonly inflation: ReturnSeries;
  readonly riskFree: ReturnSeries;
}

/** A dated decomposition with the total it explains. */
export interface DatedComponents extends ReturnComponents {
  readonly date: IsoDate;
  readonly total: number;
}

/** {@link decomposeReturn} per date of `returns`; the others must cover them unless `intersect`. */
export function decomposeReturns(
  input: DecompositionSeriesInput,
  options: { readonly missing?: MissingPolicy } = {},
): DatedComponents[] {
  const withInflation = zipByDate(
    {
      primary: input.returns,
      secondary: input.inflation,
      primaryName: 'returns',
      secondaryName: 'inflation',
    },
    options.missing,
  );
  const riskFree = zipByDate(
    {
      primary: withInflation.map((p) => ({ date: p.date, value: p.primary })),
      secondary: input.riskFree,
      primaryName: 'returns',
      secondaryName: 'riskFree',
    },
    options.missing,
  );
  const inflationByDate = new Map(withInflation.map((p) => [p.date, p.secondary]));
  return riskFree.map((p) => ({
    date: p.date,
    total: p.primary,
    ...decomposeReturn({
      total: p.primary,
      inflation: inflationByDate.get(p.date) ?? Number.NaN,
      riskFree: p.secondary,
    }),
  }));
}
