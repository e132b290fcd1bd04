import type { Command } from 'commander';
import { BallastError } from '../../app/errors.ts';
import { portfolioPositions } from '../../app/portfolio-positions.ts';
import { positions, type PositionsDocument } from '../../app/positions.ts';
import { withDeps, type Runtime } from '../context.ts';
import { PORTFOLIO_FLAGS, withFlagNames } from '../flag-errors.ts';
import { fmtMoney, fmtPrice, fmtQuantity } from '../format/numbers.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { parseDateOption, parseLotMethod, requireOneOf } from './options.ts';
import { washInput, withWashOptions } from './tax-ledger-flags.ts';
import { brokerOption, transactionsSource, type BrokerChoice } from './broker-flag.ts';
import { runCorporateActions } from './corporate-actions.ts';
import { withCurrencyOptions, wantsBaseCurrency, type CurrencyOptions } from './currency-flags.ts';
import { positionsInBaseOf, positionsInBaseTable } from './positions-base.ts';

/** Flag names of the positions input fields. */
const POSITIONS_FLAGS = {
  ...PORTFOLIO_FLAGS,
  accounts: '--accounts',
  equivalents: '--equivalents',
  partialLot: '--partial-lot',
};

interface PositionsOptions extends CurrencyOptions {
  transactions?: string;
  prices?: string;
  broker?: BrokerChoice;
  portfolio?: string;
  asOf?: string;
  lotMethod: string;
  accounts?: string;
  equivalents?: string;
  partialLot?: string;
  washSales: boolean;
  format: Format;
  applyCorporateActions?: boolean;
  accept?: boolean;
  out?: string;
  dividendWindow?: string;
  splitWindow?: string;
}

type LotRow = {
  account: string;
  symbol: string;
  id: string;
  acquired: string;
  adjustedAcquired: string;
  quantity: number;
  costPerShare: number;
  washAdjustment: number;
};

const lotColumns: Column<LotRow>[] = [
  { title: 'account', value: (r) => r.account },
  { title: 'symbol', value: (r) => r.symbol },
  { title: 'lot', value: (r) => r.id },
  { title: 'acquired', value: (r) => r.acquired },
  { title: 'adjusted_acquired', value: (r) => r.adjustedAcquired },
  { title: 'quantity', value: (r) => String(r.quantity), align: 'right' },
  { title: 'cost_per_share', value: (r) => String(r.costPerShare), align: 'right' },
  { title: 'wash_adjustment', value: (r) => String(r.washAdjustment), align: 'right' },
];

/** Every open lot with its account and symbol, in the document's order. */
function lotRowsOf(report: PositionsDocument): LotRow[] {
  const rows: LotRow[] = [];
  for (const p of report.positions) {
    for (const l of p.lots) {
      rows.push({
        account: p.account,
        symbol: p.symbol,
        id: l.id,
        acquired: l.acquired,
        adjustedAcquired: l.adjustedAcquired ?? '',
        quantity: l.quantity,
        costPerShare: l.costPerShare,
        washAdjustment: l.washAdjustment ?? 0,
      });
    }
  }
  return rows;
}

/** Human-readable tables: positions, open lots, realised gains, totals. */
export function positionsTable(report: PositionsDocument): string {
  const lotRows = lotRowsOf(report);
  const out = [
    `Positions as of ${report.asOf ?? '—'} (lot relief: ${report.lotMethod.toUpperCase()})`,
    renderTable(report.positions, [
      { title: 'Account', value: (p) => p.account },
      { title: 'Symbol', value: (p) => p.symbol },
      { title: 'Quantity', value: (p) => fmtQuantity(p.quantity), align: 'right' },
      { title: 'Cost/share', value: (p) => fmtPrice(p.costBasisPerShare), align: 'right' },
      { title: 'Cost basis', value: (p) => fmtMoney(p.costBasisTotal), align: 'right' },
      { title: 'Lots', value: (p) => String(p.lots.length), align: 'right' },
    ]),
    '',
    'Open lots',
    renderTable(lotRows, [
      { title: 'Account', value: (r) => r.account },
      { title: 'Symbol', value: (r) => r.symbol },
      { title: 'Lot', value: (r) => r.id },
      { title: 'Acquired', value: (r) => r.acquired },
      { title: 'Quantity', value: (r) => fmtQuantity(r.quantity), align: 'right' },
      { title: 'Cost/share', value: (r) => fmtPrice(r.costPerShare), align: 'right' },
      ...(lotRows.some((r) => r.washAdjustment !== 0)
        ? ([
            {
              title: 'Wash adj.',
              value: (r) => (r.washAdjustment ? fmtMoney(r.washAdjustment) : ''),
              align: 'right',
            },
            { title: 'Holding from', value: (r) => r.adjustedAcquired },
          ] satisfies Column<LotRow>[])
        : []),
    ]),
    '',
    'Realised gains',
    report.realized.length === 0
      ? '(none)'
      : renderTable(report.realized, [
          { title: 'Symbol', value: (r) => r.symbol },
          { title: 'Lot', value: (r) => r.lotId },
          { title: 'Acquired', value: (r) => r.acquired },
          { title: 'Disposed', value: (r) => r.disposed },
          { title: 'Quantity', value: (r) => fmtQuantity(r.quantity), align: 'right' },
          { title: 'Proceeds', value: (r) => fmtMoney(r.proceeds), align: 'right' },
          { title: 'Cost basis', value: (r) => fmtMoney(r.costBasis), align: 'right' },
          { title: 'Gain', value: (r) => fmtMoney(r.gain), align: 'right' },
          { title: 'Term', value: (r) => r.term },
          ...(report.realized.some((r) => r.washDisallowed)
            ? ([
                {
                  title: 'Wash disallowed',
                  value: (r) => (r.washDisallowed ? fmtMoney(r.washDisallowed) : ''),
                  align: 'right',
                },
              ] satisfies Column<(typeof report.realized)[number]>[])
            : []),
        ]),
    `Realised: short-term ${fmtMoney(report.realizedTotal.shortTerm)}, long-term ${fmtMoney(report.realizedTotal.longTerm)}, total ${fmtMoney(report.realizedTotal.total)}`,
    `Income: dividends ${fmtMoney(report.income.dividends)}, interest ${fmtMoney(report.income.interest)}, fees ${fmtMoney(report.income.fees)}`,
    `Cash: ${
      Object.entries(report.cash)
        .map(([a, c]) => `${a} ${fmtMoney(c)}`)
        .join(', ') || '(none)'
    }`,
  ];
  return out.join('\n');
}

/** The ledger's positions: from the transactions file, or from the stored portfolio (one of them). */
async function positionsOf(
  options: PositionsOptions,
  run: { command: Command; runtime: Runtime },
): Promise<PositionsDocument> {
  requireOneOf(options as unknown as Record<string, unknown>, ['transactions', 'portfolio']);
  if (options.transactions !== undefined && options.portfolio !== undefined)
    throw new BallastError('INVALID_INPUT', 'give --transactions or --portfolio, not both', {
      field: 'transactions|portfolio',
    });
  const source = transactionsSource(options);
  const common = {
    lotMethod: options.lotMethod,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...washInput(options),
  };
  if (source !== undefined)
    return withFlagNames(POSITIONS_FLAGS, () =>
      Promise.resolve().then(() => positions({ transactions: source, ...common })),
    );
  const portfolio = options.portfolio!;
  return withDeps(run.command, run.runtime, (deps) =>
    withFlagNames(POSITIONS_FLAGS, () => portfolioPositions({ portfolio, ...common }, deps)),
  );
}

/** Registers `ballast positions`. */
export function registerPositions(program: Command, io: Io, runtime: Runtime): void {
  const command = program
    .command('positions')
    .description(
      'Positions, open tax lots and realised gains derived from a transactions file or a stored portfolio',
    )
    .option('--transactions <file>', 'transactions CSV (see README "Transactions file")')
    .option('--portfolio <name>', 'the ledger of this stored portfolio (see `portfolio import`)')
    .addOption(brokerOption())
    .option('--as-of <date>', 'ignore transactions after this date (YYYY-MM-DD)', (v) =>
      parseDateOption('--as-of', v),
    )
    .option(
      '--lot-method <method>',
      'fifo | lifo | hifo | average | specific',
      parseLotMethod,
      'fifo',
    );
  withCurrencyOptions(withWashOptions(command))
    .option(
      '--prices <file>',
      'with --base-currency: symbol,price[,date] in each symbol’s currency (else stored closes)',
    )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per open lot)',
      parseFormat,
      'table' as Format,
    )
    .option(
      '--apply-corporate-actions',
      'instead: the split and dividend rows the stored prices imply and the ledger lacks (docs/corporate-actions.md)',
    )
    .option(
      '--accept',
      'with --apply-corporate-actions: write them (--transactions: to --out; --portfolio: stored)',
    )
    .option('--out <file>', 'with --accept and --transactions: the merged ledger, a new file')
    .option(
      '--dividend-window <days>',
      'days after an ex-date a recorded dividend may be dated (default 31)',
    )
    .option(
      '--split-window <days>',
      'days either side of a split a recorded split may be dated (default 5)',
    )
    .action(async (options: PositionsOptions, command: Command) => {
      if (options.applyCorporateActions) {
        requireOneOf(options as unknown as Record<string, unknown>, ['transactions', 'portfolio']);
        if (options.broker !== undefined)
          throw new BallastError(
            'INVALID_INPUT',
            '--broker: --apply-corporate-actions reads a transactions CSV or a stored portfolio',
            { field: 'broker', value: options.broker },
          );
        return runCorporateActions(options, { command, runtime, io });
      }
      for (const flag of ['accept', 'out', 'dividendWindow', 'splitWindow'] as const)
        if (options[flag] !== undefined)
          throw new BallastError(
            'INVALID_INPUT',
            `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: only with --apply-corporate-actions`,
            { field: flag },
          );
      if (wantsBaseCurrency(options)) {
        const doc = await positionsInBaseOf(options, { command, runtime });
        if (options.format === 'json') io.out(JSON.stringify(doc, null, 2));
        else if (options.format === 'csv') io.out(renderCsv(lotRowsOf(doc), lotColumns));
        else io.out(`${positionsTable(doc)}\n\n${positionsInBaseTable(doc)}`);
        return;
      }
      const report = await positionsOf(options, { command, runtime });
      if (options.format === 'json') io.out(JSON.stringify(report, null, 2));
      else if (options.format === 'csv') io.out(renderCsv(lotRowsOf(report), lotColumns));
      else io.out(positionsTable(report));
    });
}
