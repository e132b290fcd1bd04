/**
 * The `backtest` table's lines about taxes (docs/backtest.md, "Taxes"): per taxed strategy,
 * the tax paid, the after-tax final value and the same strategy run again without taxes.
 */

import type { BacktestDocument } from '../../app/backtest.ts';
import { fmtMoney } from '../format/numbers.ts';

/** One line per taxed strategy, then what the taxes leave out; none without taxes. */
export function taxLines(doc: BacktestDocument): string[] {
  const taxed = doc.strategies.filter((s) => s.tax);
  if (taxed.length === 0) return [];
  return [
    ...taxed.map((s) => {
      const t = s.tax!;
      const years = t.byYear.map((y) => `${y.year} ${fmtMoney(y.tax)}`).join(', ');
      const paid = t.byYear.some((y) => y.dividends !== undefined);
      const onDividends = paid
        ? `, of which ${fmtMoney(t.byYear.reduce((a, y) => a + (y.dividendTax ?? 0), 0))} on ${t.dividends ?? 'qualified'} dividends`
        : '';
      return `Taxes of ${s.name} (taxable, ${t.lotMethod}, paid from the portfolio at each year end): ${fmtMoney(t.totalTax)} (${years})${onDividends}; after-tax final value ${fmtMoney(t.afterTaxValue)}, pre-tax ${fmtMoney(t.preTaxValue)} (${t.preTaxLabel}), drag ${fmtMoney(t.drag)}.`;
    }),
    `Taxes leave out: ${taxed[0]!.tax!.notModelled.join('; ')}.`,
  ];
}
