import type { Command } from 'commander';
import type { AppDeps } from '../../app/deps.ts';
import { BallastError } from '../../app/errors.ts';
import { checkOutputPath, writeOutputFile } from '../../app/files.ts';
import { portfolioExport, type PortfolioBackup } from '../../app/portfolio-export.ts';
import { portfolioExportCsv } from '../../app/portfolio-export-csv.ts';
import { withDeps, type Runtime } from '../context.ts';
import type { Io } from '../io.ts';

/** What `portfolio export` writes: the JSON backup, or the ledger as a transactions CSV. */
type ExportFormat = 'json' | 'csv';

/** Validates `--format` of `portfolio export` (no table: the export is a file). */
function parseExportFormat(value: string): ExportFormat {
  if (value === 'json' || value === 'csv') return value;
  throw new BallastError(
    'INVALID_INPUT',
    `--format: expected json (the backup) or csv (the transactions file) (got "${value}")`,
    { field: 'format', value },
  );
}

/** The backup as written by `export`: two-space JSON and a final newline. */
const backupText = (backup: PortfolioBackup): string => `${JSON.stringify(backup, null, 2)}\n`;

/** What `export` writes and the line it prints after writing it to `--out`. */
async function exported(
  name: string,
  format: ExportFormat,
  deps: Pick<AppDeps, 'store' | 'existingStore'>,
): Promise<{ text: string; wrote: (out: string) => string }> {
  if (format === 'csv') {
    const doc = await portfolioExportCsv({ portfolio: name }, deps);
    return {
      text: doc.csv,
      wrote: (out) =>
        `Wrote the ledger of portfolio ${doc.portfolio} to ${out} as a transactions CSV: ${doc.transactions} transactions`,
    };
  }
  const backup = await portfolioExport({ name }, deps);
  return {
    text: backupText(backup),
    wrote: (out) =>
      `Wrote portfolio ${backup.portfolio.name} to ${out}: ${backup.transactions.length} transactions, ${backup.accounts.length} accounts`,
  };
}

/** `ballast portfolio export NAME [--format json|csv] [--out FILE]`. */
export function registerExport(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('export')
    .description(
      'The whole portfolio (portfolio, accounts, transactions) as a JSON backup, or with --format csv its ledger as a transactions CSV (each row on its stored line, so importing it gives the same lot ids)',
    )
    .argument('<name>', 'the stored portfolio')
    .option('--format <format>', 'json (the backup) | csv (the ledger)', parseExportFormat, 'json')
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(
      async (name: string, options: { out?: string; format: ExportFormat }, command: Command) => {
        if (options.out !== undefined) checkOutputPath(options.out, '--out');
        const { text, wrote } = await withDeps(command, runtime, (deps) =>
          exported(name, options.format, deps),
        );
        if (options.out === undefined) io.out(text);
        else {
          writeOutputFile(options.out, text, { field: '--out', atomic: true });
          io.out(wrote(options.out));
        }
      },
    );
}
