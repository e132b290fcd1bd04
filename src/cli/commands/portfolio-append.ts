import type { Command } from 'commander';
import { BallastError } from '../../app/errors.ts';
import { portfolioAppend, type PortfolioAppendDocument } from '../../app/portfolio-append.ts';
import {
  portfolioAppendPreview,
  type AppendPreviewRow,
  type PortfolioAppendPreviewDocument,
} from '../../app/portfolio-append-preview.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { renderTable } from '../format/table.ts';
import { parseTableOrJson, type Format, type Io } from '../io.ts';
import { transactionText } from './portfolio-edit.ts';

const appendedText = (doc: PortfolioAppendDocument): string =>
  `Appended ${doc.appended} transactions to portfolio ${doc.portfolio.name} (stored lines ${doc.lines.first}–${doc.lines.last}): ${doc.transactions} transactions stored`;

/** The dry run's rows table: each row's line, stored line, result and what it reads as or why not. */
export function previewText(doc: PortfolioAppendPreviewDocument, file: string): string {
  const rows = doc.rows;
  const detail = (r: AppendPreviewRow): string =>
    r.error?.message ?? (r.transaction === undefined ? '' : transactionText(r.transaction));
  return [
    `Dry run: ${rows.length} rows of ${file} checked after the ${doc.transactions} stored in portfolio ${doc.portfolio.name}: ${doc.valid} would be appended, ${doc.invalid} refused; nothing stored`,
    renderTable(rows, [
      { title: 'Line', value: (r) => (r.line === null ? '—' : String(r.line)), align: 'right' },
      {
        title: 'Stored as',
        value: (r) => (r.storedLine === null ? '—' : String(r.storedLine)),
        align: 'right',
      },
      { title: 'Result', value: (r) => (r.ok ? 'ok' : r.error!.code) },
      { title: 'Field', value: (r) => r.error?.field ?? '' },
      { title: 'Row or error', value: detail },
    ]),
    doc.invalid === 0
      ? 'Every row would be appended.'
      : 'The append is all or nothing: fix the refused rows, then append without --dry-run.',
  ].join('\n');
}

interface AppendOptions {
  transactions: string;
  dryRun?: boolean;
  format: Format;
}

/**
 * `ballast portfolio append NAME --transactions FILE [--dry-run]`: the `portfolioAppend` use
 * case, or with `--dry-run` the `portfolioAppendPreview` (every row's result, nothing stored;
 * exit 2, INVALID_INPUT, when any row would be refused, after the rows are printed).
 */
export function registerAppend(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('append')
    .description(
      "Append a transactions CSV to a stored portfolio's ledger, all or nothing: the whole ledger is checked first (a bad row stores nothing and is named by file, line and column); rows are numbered after the stored ones, so a file's line n is stored as n + last − 1 (lot ids L<line>). --dry-run lists every row's result instead and stores nothing",
    )
    .argument('<name>', 'the stored portfolio')
    .requiredOption('--transactions <file>', 'transactions CSV (see README "Transactions file")')
    .option(
      '--dry-run',
      'check every row against the stored ledger and print each row’s result; store nothing',
    )
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: AppendOptions, command: Command) => {
      const input = { portfolio: name, csv: { path: options.transactions } };
      if (options.dryRun === true) {
        const doc = await withDeps(command, runtime, (deps) =>
          withFlagNames({ csv: '--transactions' }, () => portfolioAppendPreview(input, deps)),
        );
        const table = () => previewText(doc, options.transactions);
        io.out(renderDocument(options.format, { json: doc, table }));
        // A preview with refused rows is not a success: scripts must not go on to append.
        if (doc.invalid > 0)
          throw new BallastError(
            'INVALID_INPUT',
            `--transactions: ${doc.invalid} of ${doc.rows.length} rows of ${options.transactions} would be refused (listed above); nothing stored`,
            { field: '--transactions', value: options.transactions, invalid: doc.invalid },
          );
        return;
      }
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames({ csv: '--transactions' }, () => portfolioAppend(input, deps)),
      );
      io.out(renderDocument(options.format, { json: doc, table: () => appendedText(doc) }));
    });
}
