import type { Command } from 'commander';
import {
  NIIT_RATE,
  taxGains,
  type GainRowDocument,
  type TaxGainsDocument,
  type TaxGainsInput,
} from '../../app/tax-gains.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { fmtMoney, fmtQuantity } from '../format/numbers.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { numberFlag } from './options.ts';
import {
  TAX_LEDGER_FLAGS,
  taxLedgerInput,
  withTaxLedgerOptions,
  type TaxLedgerFlags,
} from './tax-ledger-flags.ts';

interface GainsFlags extends TaxLedgerFlags {
  year?: string;
  shortRate?: string;
  longRate?: string;
  stateRate?: string;
  niit?: boolean;
  format: Format;
}

const ROW_COLUMNS: Column<GainRowDocument>[] = [
  { title: 'part', value: (r) => r.part },
  { title: 'account', value: (r) => r.account },
  { title: 'symbol', value: (r) => r.symbol },
  { title: 'lot', value: (r) => r.lotId },
  { title: 'quantity', value: (r) => String(r.quantity), align: 'right' },
  { title: 'acquired', value: (r) => r.acquired },
  { title: 'disposed', value: (r) => r.disposed },
  { title: 'proceeds', value: (r) => r.proceeds.toFixed(2), align: 'right' },
  { title: 'cost_basis', value: (r) => r.costBasis.toFixed(2), align: 'right' },
  { title: 'code', value: (r) => r.adjustmentCode },
  { title: 'adjustment', value: (r) => r.adjustment.toFixed(2), align: 'right' },
  { title: 'gain', value: (r) => r.gain.toFixed(2), align: 'right' },
  { title: 'term', value: (r) => r.term },
];

/** The human-readable report. */
export function taxGainsTable(doc: TaxGainsDocument): string {
  const t = doc.totals;
  const lines = [
    `Realised gains${doc.year === null ? '' : ` in ${doc.year}`} (lot relief ${doc.lotMethod.toUpperCase()}, wash sales ${doc.washSales ? 'applied' : 'not applied'}; IRA accounts not reportable)`,
    doc.rows.length === 0
      ? '(no reportable sales)'
      : renderTable(doc.rows, [
          { title: 'Part', value: (r) => r.part },
          { title: 'Account', value: (r) => r.account },
          { title: 'Symbol', value: (r) => r.symbol },
          { title: 'Quantity', value: (r) => fmtQuantity(r.quantity), align: 'right' },
          { title: 'Acquired', value: (r) => r.acquired },
          { title: 'Sold', value: (r) => r.disposed },
          { title: 'Proceeds', value: (r) => fmtMoney(r.proceeds), align: 'right' },
          { title: 'Basis', value: (r) => fmtMoney(r.costBasis), align: 'right' },
          { title: 'Code', value: (r) => r.adjustmentCode },
          {
            title: 'Adjustment',
            value: (r) => (r.adjustment ? fmtMoney(r.adjustment) : ''),
            align: 'right',
          },
          { title: 'Gain', value: (r) => fmtMoney(r.gain), align: 'right' },
        ]),
    `Short-term ${fmtMoney(t.shortTerm)}, long-term ${fmtMoney(t.longTerm)}; wash-sale losses disallowed ${fmtMoney(t.disallowed)}${t.lost ? ` (of which ${fmtMoney(t.lost)} lost to IRA replacements)` : ''}`,
  ];
  const e = doc.estimate;
  if (e) {
    lines.push(
      `Estimated tax ${fmtMoney(e.tax)} (taxed short-term ${fmtMoney(e.taxedShortTerm)}, long-term ${fmtMoney(e.taxedLongTerm)}; loss deducted ${fmtMoney(e.lossDeduction)}, carried forward ${fmtMoney(e.carryforward)})`,
    );
  }
  return lines.join('\n');
}

/** The rate flags of `tax gains` (and `performance`). */
export type RateFlags = Pick<GainsFlags, 'shortRate' | 'longRate' | 'stateRate' | 'niit'>;

/**
 * Rates from the flags: none unless `--short-rate` or `--long-rate` is given (the other then
 * 0); `--state-rate` defaults to 0, `--niit` is 0.038.
 */
export function ratesOf(flags: RateFlags): TaxGainsInput['rates'] {
  const rate = (flag: string, v: string | undefined) => numberFlag(flag, v, (x) => x >= 0 && x < 1);
  const shortTerm = rate('--short-rate', flags.shortRate);
  const longTerm = rate('--long-rate', flags.longRate);
  if (shortTerm === undefined && longTerm === undefined) return undefined;
  return {
    shortTerm: shortTerm ?? 0,
    longTerm: longTerm ?? 0,
    state: rate('--state-rate', flags.stateRate) ?? 0,
    niit: flags.niit ? NIIT_RATE : 0,
  };
}

/** Registers `ballast tax gains`. */
export function registerTaxGains(tax: Command, io: Io, runtime: Runtime): void {
  withTaxLedgerOptions(
    tax
      .command('gains')
      .description(
        'Realised gains as Form 8949 rows: wash sales across accounts, totals by term, estimated tax',
      ),
  )
    .option('--year <yyyy>', 'dispositions of this calendar year only')
    .option('--short-rate <r>', 'marginal federal rate on short-term gains (decimal, e.g. 0.32)')
    .option('--long-rate <r>', 'federal rate on long-term gains (decimal, e.g. 0.15)')
    .option('--state-rate <r>', 'state rate on both (decimal)')
    .option('--niit', 'add the 3.8 % net investment income tax')
    .option(
      '--format <format>',
      'table | json | csv (csv: the rows)',
      parseFormat,
      'table' as Format,
    )
    .action(async (flags: GainsFlags, command: Command) => {
      const year = numberFlag('--year', flags.year, (x) => Number.isInteger(x));
      const rates = ratesOf(flags);
      const input: TaxGainsInput = {
        ...taxLedgerInput(flags),
        ...(year === undefined ? {} : { year }),
        ...(rates === undefined ? {} : { rates }),
      };
      const doc = await withFlagNames(TAX_LEDGER_FLAGS, () =>
        flags.portfolio === undefined
          ? taxGains(input)
          : withDeps(command, runtime, (deps) => taxGains(input, deps)),
      );
      if (flags.format === 'json') io.out(JSON.stringify(doc, null, 2));
      else if (flags.format === 'csv') io.out(renderCsv(doc.rows, ROW_COLUMNS));
      else io.out(taxGainsTable(doc));
    });
}
