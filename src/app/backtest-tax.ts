/**
 * The tax part of the `backtest` document (docs/backtest.md, "Taxes"): a taxed strategy's
 * settings, the realised gains and the tax paid per calendar year, the final value after
 * those taxes, and the same strategy run again without taxes (labelled so). Money is
 * rounded to cents.
 */

import type { StrategyResult } from '../domain/backtest/run-backtest.ts';
import type { BacktestTax, TaxYear } from '../domain/backtest/tax-lots.ts';
import { roundCents } from './rounding.ts';

/** What labels the untaxed second run in the document. */
export const PRE_TAX_LABEL = 'the same strategy run again without taxes';

/** What the backtest's taxes leave out (docs/backtest.md, "Taxes"). */
export const TAX_NOT_MODELLED = [
  'wash sales',
  'tax on dividends (total-return closes hold them)',
  'tax on gains still unrealised at the end',
] as const;

/** The `tax` field of a taxed strategy's document. */
export interface StrategyTaxDocument extends BacktestTax {
  /** One entry per calendar year in the data (to the stop), the tax paid at its last row. */
  readonly byYear: readonly TaxYear[];
  /** Σ tax (negative: more credited than paid). */
  readonly totalTax: number;
  /** The final value, after every tax paid from the portfolio. */
  readonly afterTaxValue: number;
  /** Final value of the same strategy run without taxes ({@link PRE_TAX_LABEL}). */
  readonly preTaxValue: number;
  readonly preTaxLabel: string;
  /** preTaxValue − afterTaxValue: > 0 the taxes cost money. */
  readonly drag: number;
  readonly notModelled: readonly string[];
}

/**
 * What is left out for a run: with dividends paid on unadjusted closes they are taxed, so only
 * total-return closes leave their dividends untaxed.
 */
function notModelled(result: StrategyResult): readonly string[] {
  return result.run.dividends === undefined
    ? TAX_NOT_MODELLED
    : TAX_NOT_MODELLED.filter((m) => !m.startsWith('tax on dividends'));
}

/** The `tax` field of a strategy's document; empty for a strategy without taxes. */
export function taxFields(
  tax: BacktestTax | undefined,
  result: StrategyResult,
): { tax?: StrategyTaxDocument } {
  const outcome = result.run.tax;
  const comparison = result.withoutTax;
  if (!tax || !outcome || !comparison) return {};
  return {
    tax: {
      ...tax,
      byYear: outcome.byYear.map((y) => ({
        ...y,
        shortTerm: roundCents(y.shortTerm),
        longTerm: roundCents(y.longTerm),
        carryforwardIn: roundCents(y.carryforwardIn),
        tax: roundCents(y.tax),
        carryforward: roundCents(y.carryforward),
        ...(y.dividends === undefined
          ? {}
          : { dividends: roundCents(y.dividends), dividendTax: roundCents(y.dividendTax ?? 0) }),
      })),
      totalTax: roundCents(outcome.totalTax),
      afterTaxValue: roundCents(comparison.afterTaxValue),
      preTaxValue: roundCents(comparison.preTaxValue),
      preTaxLabel: PRE_TAX_LABEL,
      drag: roundCents(comparison.drag),
      notModelled: notModelled(result),
    },
  };
}
