import type { Command } from 'commander';
import { portfolioCreate, type StoredPortfolio } from '../../app/portfolio-create.ts';
import { portfolioDelete, type PortfolioDeleteDocument } from '../../app/portfolio-delete.ts';
import { portfolioImport, type PortfolioImportDocument } from '../../app/portfolio-import.ts';
import { portfolioList, type PortfolioSummary } from '../../app/portfolio-list.ts';
import { portfolioRename } from '../../app/portfolio-rename.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { rowViews } from '../format/row-views.ts';
import type { Column } from '../format/table.ts';
import { parseFormat, parseTableOrJson, type Format, type Io } from '../io.ts';
import { registerAppend } from './portfolio-append.ts';
import { registerLedgerRowCommands } from './portfolio-edit.ts';
import { registerExport } from './portfolio-export.ts';
import { registerPortfolioReads } from './portfolio-holdings.ts';

const IMPORT_FLAGS = {
  transactions: '--transactions',
  accounts: '--accounts',
  json: '--json',
} as const;

const listColumns: Column<PortfolioSummary>[] = [
  { title: 'name', value: (p) => p.name },
  { title: 'base_currency', value: (p) => p.baseCurrency },
  { title: 'accounts', value: (p) => String(p.accounts), align: 'right' },
  { title: 'transactions', value: (p) => String(p.transactions), align: 'right' },
  { title: 'created_at', value: (p) => p.createdAt },
];

const createdText = (p: StoredPortfolio): string =>
  `Created portfolio ${p.name} (base currency ${p.baseCurrency}, id ${p.id})`;

function importedText(doc: PortfolioImportDocument): string {
  const verb = doc.created ? 'Restored' : 'Imported into';
  return `${verb} portfolio ${doc.portfolio.name}: ${doc.transactions} transactions, ${doc.accounts} accounts stored`;
}

const deletedText = (p: PortfolioDeleteDocument): string =>
  `Deleted portfolio ${p.name} (id ${p.id}) with its ${p.transactions} transactions and ${p.accounts} accounts`;

function registerCreate(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('create')
    .description('Create an empty stored portfolio')
    .argument('<name>', 'unique portfolio name')
    .option('--base-currency <code>', 'ISO 4217 currency code', 'USD')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(
      async (name: string, options: { baseCurrency: string; format: Format }, command: Command) => {
        const doc = await withDeps(command, runtime, (deps) =>
          withFlagNames({ baseCurrency: '--base-currency' }, () =>
            portfolioCreate({ name, baseCurrency: options.baseCurrency }, deps),
          ),
        );
        io.out(renderDocument(options.format, { json: doc, table: () => createdText(doc) }));
      },
    );
}

function registerList(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('list')
    .description('Stored portfolios with their base currency, accounts and transactions')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .action(async (options: { format: Format }, command: Command) => {
      const rows = await withDeps(command, runtime, (deps) => portfolioList({}, deps));
      io.out(renderDocument(options.format, rowViews(rows, listColumns)));
    });
}

interface ImportOptions {
  transactions?: string;
  accounts?: string;
  json?: string;
  format: Format;
}

function registerImport(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('import')
    .description(
      'Import a ledger into a stored portfolio, all or nothing: a transactions CSV (replacing the stored ledger) and/or an accounts CSV, or a JSON backup from `portfolio export` (creating the portfolio when missing)',
    )
    .argument('<name>', 'the stored portfolio')
    .option('--transactions <file>', 'transactions CSV (see README "Transactions file")')
    .option('--accounts <file>', 'accounts CSV account,type (taxable | traditional_ira | roth_ira)')
    .option('--json <file>', 'a backup written by `portfolio export`')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: ImportOptions, command: Command) => {
      const file = (path: string | undefined) => (path === undefined ? undefined : { path });
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(IMPORT_FLAGS, () =>
          portfolioImport(
            {
              name,
              transactions: file(options.transactions),
              accounts: file(options.accounts),
              json: file(options.json),
            },
            deps,
          ),
        ),
      );
      io.out(renderDocument(options.format, { json: doc, table: () => importedText(doc) }));
    });
}

function registerRename(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('rename')
    .description('Rename a stored portfolio (its id, accounts and ledger stay)')
    .argument('<old>', 'the stored portfolio')
    .argument('<new>', 'its new, unique name')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async function (this: Command, from: string, to: string) {
      const { format } = this.opts<{ format: Format }>();
      const doc = await withDeps(this, runtime, (deps) =>
        portfolioRename({ portfolio: from, name: to }, deps),
      );
      const text = () => `Renamed portfolio ${from.trim()} to ${doc.name} (id ${doc.id})`;
      io.out(renderDocument(format, { json: doc, table: text }));
    });
}

function registerDelete(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('delete')
    .description(
      'Delete a stored portfolio with its accounts and ledger (`portfolio export` first to keep a backup)',
    )
    .argument('<name>', 'the stored portfolio')
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: { format: Format }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) =>
        portfolioDelete({ portfolio: name }, deps),
      );
      io.out(renderDocument(options.format, { json: doc, table: () => deletedText(doc) }));
    });
}

/**
 * Registers `ballast portfolio create|list|import|append|edit|remove-transaction|holdings|
 * summary|export|rename|delete`.
 */
export function registerPortfolio(program: Command, io: Io, runtime: Runtime): void {
  const portfolio = program
    .command('portfolio')
    .description(
      'Stored portfolios: create, list, import a ledger, append transactions (or preview an append), edit or remove one, holdings with lots priced, summary, export a backup or the ledger as CSV, rename, delete',
    );
  registerCreate(portfolio, io, runtime);
  registerList(portfolio, io, runtime);
  registerImport(portfolio, io, runtime);
  registerAppend(portfolio, io, runtime);
  registerLedgerRowCommands(portfolio, io, runtime);
  registerPortfolioReads(portfolio, io, runtime);
  registerExport(portfolio, io, runtime);
  registerRename(portfolio, io, runtime);
  registerDelete(portfolio, io, runtime);
}
