/**
 * `--base-currency CODE` and `--currencies SYM=CUR,…` (docs/currencies.md): the flags are passed
 * through as given; the use case validates the codes (INVALID_INPUT naming the field).
 */

import type { Command } from 'commander';
import { BallastError } from '../../app/errors.ts';

/** The parsed currency flags. */
export interface CurrencyOptions {
  baseCurrency?: string;
  currencies?: Record<string, string>;
}

/** `SAP=EUR,ASML=EUR` → `{ SAP: 'EUR', ASML: 'EUR' }` (INVALID_INPUT naming the flag otherwise). */
export function parseCurrencies(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(',')) {
    const [symbol, currency, extra] = part.split('=').map((s) => s.trim());
    if (!symbol || !currency || extra !== undefined)
      throw new BallastError(
        'INVALID_INPUT',
        `--currencies: expected SYMBOL=CURRENCY[,…] such as SAP=EUR (got "${part}")`,
        { field: 'currencies', value },
      );
    out[symbol] = currency;
  }
  return out;
}

/** Adds `--base-currency` and `--currencies` to `command`. */
export function withCurrencyOptions(command: Command): Command {
  return command
    .option(
      '--base-currency <code>',
      'report in this currency: rows converted at their dates’ FX rates, holdings valued at price × the valuation date’s rate (docs/currencies.md)',
    )
    .option(
      '--currencies <map>',
      'currency of symbols’ prices and of their rows without a currency cell, e.g. SAP=EUR,7203.T=JPY',
      parseCurrencies,
    );
}

/** True when a base-currency view is asked for. */
export function wantsBaseCurrency(options: CurrencyOptions): boolean {
  return options.baseCurrency !== undefined || options.currencies !== undefined;
}
