import type { Command } from 'commander';
import { checkOutputPath, writeOutputFile } from '../../app/files.ts';
import {
  transactionsConvert,
  type TransactionsConvertDocument,
} from '../../app/transactions-convert.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderTable } from '../format/table.ts';
import { parseTableOrJson, type Format, type Io } from '../io.ts';
import { parseBroker, type BrokerChoice } from './broker-flag.ts';

/** The input fields of `transactions convert` the flags set, for error messages. */
const FLAGS = { from: '--from', csv: '--csv', account: '--account', out: '--out' };

interface ConvertOptions {
  from: BrokerChoice;
  csv: string;
  out?: string;
  account?: string;
  format: Format;
}

/** How many lines each reason covers, for the summary. */
function ignoredCounts(doc: TransactionsConvertDocument): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of doc.ignored) counts.set(i.reason, (counts.get(i.reason) ?? 0) + 1);
  return [...counts];
}

/** The summary printed after writing `--out`: rows by type, lines recognised as no transaction. */
export function convertSummary(doc: TransactionsConvertDocument, out: string): string {
  const types = new Map<string, number>();
  for (const l of doc.lines) types.set(l.type, (types.get(l.type) ?? 0) + 1);
  const ignored = ignoredCounts(doc);
  return [
    `Converted ${doc.broker}${doc.detected ? ' (detected)' : ''} export to ${out}: ${doc.transactions} transactions`,
    renderTable(
      [...types],
      [
        { title: 'Type', value: (r) => r[0] },
        { title: 'Rows', value: (r) => String(r[1]), align: 'right' },
      ],
    ),
    ...(ignored.length === 0
      ? []
      : [
          '',
          'Lines recognised as no transaction',
          renderTable(ignored, [
            { title: 'Reason', value: (r) => r[0] },
            { title: 'Lines', value: (r) => String(r[1]), align: 'right' },
          ]),
        ]),
  ].join('\n');
}

/** `ballast transactions convert`. */
function registerConvert(transactions: Command, io: Io): void {
  transactions
    .command('convert')
    .description(
      "A broker's own CSV export (Schwab, Fidelity, Vanguard, IBKR activity statement) as a transactions CSV; every action is converted or refused with its line (docs/brokers.md)",
    )
    .option(
      '--from <broker>',
      'schwab | fidelity | vanguard | ibkr | auto',
      parseBroker('--from'),
      'auto',
    )
    .requiredOption('--csv <file>', "the broker's CSV export")
    .option('--out <file>', 'write the transactions CSV here (default: standard output)')
    .option(
      '--account <name>',
      "the account of every row (default: the export's account, else DEFAULT)",
    )
    .option(
      '--format <format>',
      'table | json (the summary after --out)',
      parseTableOrJson,
      'table' as Format,
    )
    .action(async (options: ConvertOptions) => {
      if (options.out !== undefined) checkOutputPath(options.out, '--out');
      const doc = await withFlagNames(FLAGS, () =>
        Promise.resolve().then(() =>
          transactionsConvert({
            from: options.from,
            csv: { path: options.csv },
            ...(options.account === undefined ? {} : { account: options.account }),
            ...(options.out === undefined ? {} : { out: options.out }),
          }),
        ),
      );
      if (options.out !== undefined)
        writeOutputFile(options.out, doc.csv, { field: '--out', atomic: true });
      if (options.format === 'json') io.out(JSON.stringify(doc, null, 2));
      else if (options.out === undefined) io.out(doc.csv);
      else io.out(convertSummary(doc, options.out));
    });
}

/** Registers `ballast transactions` and its subcommands. */
export function registerTransactions(program: Command, io: Io): void {
  const transactions = program
    .command('transactions')
    .description("Ledger files: convert a broker's export into Ballast's transactions CSV");
  registerConvert(transactions, io);
}
