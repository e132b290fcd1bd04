/**
 * The `tax` field of a backtest strategy (docs/backtest.md, "Taxes"), spread into the
 * strategy's schema by backtest-config.ts:
 *
 * ```yaml
 * strategies:
 *   - name: taxed
 *     weights: { SPY: 0.6, IEF: 0.4 }
 *     rebalance: annual
 *     tax:
 *       account: taxable            # the only account taxed (default); leave tax out otherwise
 *       rates: { shortTerm: 0.35, longTerm: 0.15, state: 0.05, niit: 0.038 }
 *       lotMethod: hifo             # or fifo (default hifo)
 *       payFrom: portfolio          # the tax is paid from the strategy's cash (the default)
 *       dividends: qualified        # or ordinary: the rate of dividends on unadjusted closes
 * ```
 *
 * Rates are decimals in [0, 1); `state` and `niit` default to 0.
 */

import * as z from 'zod';
import {
  BACKTEST_DIVIDEND_TAXES,
  BACKTEST_LOT_METHODS,
  type BacktestTax,
} from '../../domain/backtest/tax-lots.ts';

const rate = z.number().finite().min(0).lt(1, { message: 'a tax rate is a decimal in [0, 1)' });

/** The `tax` field as written. */
export const strategyTaxSchema = z.strictObject({
  account: z
    .literal('taxable', {
      message: 'only a taxable account is taxed; leave tax out for a tax-advantaged account',
    })
    .default('taxable'),
  rates: z.strictObject({
    shortTerm: rate,
    longTerm: rate,
    state: rate.default(0),
    niit: rate.default(0),
  }),
  lotMethod: z.enum(BACKTEST_LOT_METHODS).default('hifo'),
  payFrom: z
    .literal('portfolio', { message: 'taxes are paid from the portfolio (payFrom: portfolio)' })
    .default('portfolio'),
  /** Dividends on unadjusted closes: `qualified` (long-term rate) or `ordinary` (short-term). */
  dividends: z.enum(BACKTEST_DIVIDEND_TAXES).default('qualified'),
});

/** The optional `tax` field of a strategy. */
export const strategyTaxField = strategyTaxSchema.optional();

/** The engine's tax settings of a parsed `tax` field. */
export function backtestTaxOf(parsed: z.output<typeof strategyTaxSchema>): BacktestTax {
  return {
    account: parsed.account,
    rates: { ...parsed.rates },
    lotMethod: parsed.lotMethod,
    payFrom: parsed.payFrom,
    dividends: parsed.dividends,
  };
}
