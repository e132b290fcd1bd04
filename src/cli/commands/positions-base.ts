import type { Command } from 'commander';
import { BallastError } from '../../app/errors.ts';
import {
  positionsInBase,
  type BaseHolding,
  type PositionsInBaseDocument,
} from '../../app/positions-base.ts';
import { withDeps, type Runtime } from '../context.ts';
import { PORTFOLIO_FLAGS, withFlagNames } from '../flag-errors.ts';
import { fmtMoney, fmtPrice, fmtQuantity } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import { transactionsSource, type BrokerChoice } from './broker-flag.ts';
import type { CurrencyOptions } from './currency-flags.ts';
import { washInput } from './tax-ledger-flags.ts';

const FLAGS = {
  ...PORTFOLIO_FLAGS,
  baseCurrency: '--base-currency',
  currencies: '--currencies',
  accounts: '--accounts',
  equivalents: '--equivalents',
  partialLot: '--partial-lot',
};

/** The options `positions --base-currency` reads. */
export interface PositionsInBaseOptions extends CurrencyOptions {
  transactions?: string;
  broker?: BrokerChoice;
  portfolio?: string;
  prices?: string;
  asOf?: string;
  lotMethod: string;
  accounts?: string;
  equivalents?: string;
  partialLot?: string;
  washSales: boolean;
}

/** `positions --base-currency …` on a transactions file or a stored portfolio (one of them). */
export async function positionsInBaseOf(
  options: PositionsInBaseOptions,
  run: { command: Command; runtime: Runtime },
): Promise<PositionsInBaseDocument> {
  const source = transactionsSource(options);
  if ((source === undefined) === (options.portfolio === undefined))
    throw new BallastError(
      'INVALID_INPUT',
      source === undefined
        ? '--base-currency/--currencies: give the ledger with --transactions or --portfolio'
        : 'give --transactions or --portfolio, not both',
      { field: 'transactions|portfolio' },
    );
  return withDeps(run.command, run.runtime, (deps) =>
    withFlagNames(FLAGS, () =>
      positionsInBase(
        {
          ...(source === undefined ? { portfolio: options.portfolio! } : { transactions: source }),
          lotMethod: options.lotMethod,
          ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
          ...(options.baseCurrency === undefined ? {} : { baseCurrency: options.baseCurrency }),
          ...(options.currencies === undefined ? {} : { currencies: options.currencies }),
          ...(options.prices === undefined ? {} : { prices: { path: options.prices } }),
          ...washInput(options),
        },
        deps,
      ),
    ),
  );
}

/** The valuation and the rates used, as tables. */
export function positionsInBaseTable(doc: PositionsInBaseDocument): string {
  const v = doc.valuation;
  const lines = [
    `Valuation in ${doc.baseCurrency} on ${v.date} (price × FX rate of the date)`,
    renderTable<BaseHolding>(v.holdings, [
      { title: 'Symbol', value: (h) => h.symbol },
      { title: 'Quantity', value: (h) => fmtQuantity(h.quantity), align: 'right' },
      { title: 'Ccy', value: (h) => h.currency },
      { title: 'Price', value: (h) => fmtPrice(h.price), align: 'right' },
      { title: 'Local value', value: (h) => fmtMoney(h.localValue), align: 'right' },
      { title: 'Rate', value: (h) => String(h.rate), align: 'right' },
      { title: 'Rate date', value: (h) => h.rateDate },
      { title: `Value (${doc.baseCurrency})`, value: (h) => fmtMoney(h.baseValue), align: 'right' },
      { title: 'Cost basis', value: (h) => fmtMoney(h.costBasis), align: 'right' },
      { title: 'Unrealised', value: (h) => fmtMoney(h.unrealizedGain), align: 'right' },
    ]),
    `Cash ${fmtMoney(v.cash)}; total ${fmtMoney(v.total)} ${doc.baseCurrency}`,
  ];
  if (v.unpriced.length > 0)
    lines.push(
      `Unpriced (no price file row or stored close): ${v.unpriced.map((u) => u.symbol).join(', ')}`,
    );
  if (doc.rates.length > 0)
    lines.push(
      '',
      `FX rates used (${doc.baseCurrency} per unit)`,
      renderTable(doc.rates, [
        { title: 'Ccy', value: (r) => r.currency },
        { title: 'Date', value: (r) => r.date },
        { title: 'Rate', value: (r) => String(r.rate), align: 'right' },
        { title: 'Rate date', value: (r) => r.rateDate },
        { title: 'Series', value: (r) => r.series.join(' × ') },
      ]),
    );
  return lines.join('\n');
}
