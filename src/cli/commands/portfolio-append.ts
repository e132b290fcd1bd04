import type { Command } from 'commander';
import { portfolioAppend, type PortfolioAppendDocument } from '../../app/portfolio-append.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { parseTableOrJson, type Format, type Io } from '../io.ts';

const appendedText = (doc: PortfolioAppendDocument): string =>
  `Appended ${doc.appended} transactions to portfolio ${doc.portfolio.name} (stored lines ${doc.lines.first}–${doc.lines.last}): ${doc.transactions} transactions stored`;

/** `ballast portfolio append NAME --transactions FILE`: the `portfolioAppend` use case. */
export function registerAppend(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('append')
    .description(
      "Append a transactions CSV to a stored portfolio's ledger, all or nothing: the whole ledger is checked first (a bad row stores nothing and is named by file, line and column); rows are numbered after the stored ones, so a file's line n is stored as n + last − 1 (lot ids L<line>)",
    )
    .argument('<name>', 'the stored portfolio')
    .requiredOption('--transactions <file>', 'transactions CSV (see README "Transactions file")')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(
      async (name: string, options: { transactions: string; format: Format }, command: Command) => {
        const doc = await withDeps(command, runtime, (deps) =>
          withFlagNames({ csv: '--transactions' }, () =>
            portfolioAppend({ portfolio: name, csv: { path: options.transactions } }, deps),
          ),
        );
        io.out(renderDocument(options.format, { json: doc, table: () => appendedText(doc) }));
      },
    );
}
