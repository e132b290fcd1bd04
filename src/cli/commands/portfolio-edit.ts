/**
 * `ballast portfolio edit NAME --line N` and `ballast portfolio remove-transaction NAME --line
 * N`: one row of a stored ledger changed or deleted in place (the `portfolioTransactionUpdate`
 * and `portfolioTransactionDelete` use cases). The row is named by its stored line (`portfolio
 * export --format csv` writes each row on it; its lots are `L<line>`).
 */

import type { Command } from 'commander';
import { BallastError, invalidInput } from '../../app/errors.ts';
import {
  portfolioTransactionDelete,
  type PortfolioTransactionDeleteDocument,
} from '../../app/portfolio-transaction-delete.ts';
import {
  portfolioTransactionUpdate,
  type PortfolioTransactionUpdateDocument,
} from '../../app/portfolio-transaction-update.ts';
import type { Transaction } from '../../app/portfolio-transactions.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { parseTableOrJson, type Format, type Io } from '../io.ts';

/** The field flags of `portfolio edit`: transactions-CSV columns. */
const FIELDS = [
  ['date', 'YYYY-MM-DD (the row keeps its place: between the dates of its neighbours)'],
  ['type', 'buy, sell, deposit, withdrawal, fee, interest, dividend, reinvest, split, …'],
  ['symbol', 'ticker'],
  ['quantity', 'shares (a split: its ratio)'],
  ['price', 'dollars per share (a transfer in: its original cost per share)'],
  ['amount', 'dollars (cash rows)'],
  ['fees', 'dollars'],
  ['account', 'account name'],
  ['lots', 'lot ids to close, separated by ; (e.g. L3;L7)'],
  ['acquired', 'a transfer in: the original acquisition date'],
] as const;

type Field = (typeof FIELDS)[number][0];

interface EditOptions extends Partial<Record<Field, string>> {
  line: number | string;
  json?: string;
  format: Format;
}

/** `--line`: a number when it reads as one (the use case names a bad one). */
const parseLine = (value: string): number | string => {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
};

/** One line about a transaction: `2024-02-01 buy VTI 6 @ 110 (account A)`. */
export function transactionText(tx: Transaction): string {
  const parts: string[] = [tx.date, tx.type];
  if ('symbol' in tx && tx.symbol !== undefined) parts.push(tx.symbol);
  if ('ratio' in tx) parts.push(`ratio ${tx.ratio}`);
  if ('quantity' in tx) parts.push(String(tx.quantity));
  if ('price' in tx) parts.push(`@ ${tx.price}`);
  if ('costPerShare' in tx && tx.costPerShare !== undefined) parts.push(`cost ${tx.costPerShare}`);
  if ('amountCents' in tx) parts.push((tx.amountCents / 100).toFixed(2));
  if (tx.feesCents !== 0) parts.push(`fees ${(tx.feesCents / 100).toFixed(2)}`);
  if ('lots' in tx && tx.lots !== undefined) parts.push(`lots ${tx.lots.join(';')}`);
  return `${parts.join(' ')} (account ${tx.account})`;
}

const editedText = (doc: PortfolioTransactionUpdateDocument): string =>
  `Edited line ${doc.line} of portfolio ${doc.portfolio.name}: ${transactionText(doc.transaction)} (was ${transactionText(doc.previous)}); ${doc.transactions} transactions stored`;

const removedText = (doc: PortfolioTransactionDeleteDocument): string =>
  `Removed line ${doc.line} of portfolio ${doc.portfolio.name}: ${transactionText(doc.deleted)}; ${doc.transactions} transactions stored`;

/** The use-case input of the flags: `--json ROW`, or the field flags as changes. */
function editInput(name: string, options: EditOptions) {
  const changes: Partial<Record<Field, string>> = {};
  for (const [field] of FIELDS) if (options[field] !== undefined) changes[field] = options[field];
  const given = Object.keys(changes);
  if (options.json !== undefined) {
    if (given.length > 0)
      throw invalidInput(
        `--${given[0]}`,
        changes[given[0] as Field],
        'give --json or field flags, not both',
      );
    let transaction: unknown;
    try {
      transaction = JSON.parse(options.json);
    } catch (error) {
      throw invalidInput('--json', options.json, `not JSON (${(error as Error).message})`);
    }
    return { portfolio: name, line: options.line as number, transaction: transaction as never };
  }
  if (given.length === 0)
    throw new BallastError(
      'INVALID_INPUT',
      `--json: give the new row as --json, or the fields to change (${FIELDS.map(([f]) => `--${f}`).join(', ')})`,
      { field: '--json' },
    );
  return { portfolio: name, line: options.line as number, changes };
}

/** The flags the use case's fields are given by. */
const EDIT_FLAGS = {
  line: '--line',
  transaction: '--json',
  ...Object.fromEntries(FIELDS.map(([field]) => [field, `--${field}`])),
};

function registerEdit(portfolio: Command, io: Io, runtime: Runtime): void {
  const command = portfolio
    .command('edit')
    .description(
      'Change one row of a stored ledger in place, by its stored line (it keeps its line and lot id): the whole ledger is replayed first and nothing is stored if any row breaks (named by line and field)',
    )
    .argument('<name>', 'the stored portfolio')
    .requiredOption(
      '--line <n>',
      "the row's stored line (see `portfolio export --format csv`)",
      parseLine,
    )
    .option(
      '--json <row>',
      'the new row, whole, as JSON in the shape `portfolio export` writes (money in cents), instead of field flags',
    );
  for (const [field, help] of FIELDS)
    command.option(`--${field} <value>`, `${help}; an empty value clears it`);
  command
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: EditOptions, cmd: Command) => {
      const json = options.json !== undefined;
      const doc = await withDeps(cmd, runtime, (deps) =>
        withFlagNames(
          json ? { line: '--line', transaction: '--json', 'source.line': '--json' } : EDIT_FLAGS,
          () => portfolioTransactionUpdate(editInput(name, options), deps),
        ),
      );
      io.out(renderDocument(options.format, { json: doc, table: () => editedText(doc) }));
    });
}

function registerRemove(portfolio: Command, io: Io, runtime: Runtime): void {
  portfolio
    .command('remove-transaction')
    .description(
      'Delete one row of a stored ledger, by its stored line (the other rows keep their lines and lot ids); refused, storing nothing, when a later row needs it',
    )
    .argument('<name>', 'the stored portfolio')
    .requiredOption(
      '--line <n>',
      "the row's stored line (see `portfolio export --format csv`)",
      parseLine,
    )
    .option('--format <format>', 'table | json', parseTableOrJson, 'table' as Format)
    .action(async (name: string, options: { line: number; format: Format }, cmd: Command) => {
      const doc = await withDeps(cmd, runtime, (deps) =>
        withFlagNames({ line: '--line' }, () =>
          portfolioTransactionDelete({ portfolio: name, line: options.line }, deps),
        ),
      );
      io.out(renderDocument(options.format, { json: doc, table: () => removedText(doc) }));
    });
}

/** Registers `ballast portfolio edit` and `ballast portfolio remove-transaction`. */
export function registerLedgerRowCommands(portfolio: Command, io: Io, runtime: Runtime): void {
  registerEdit(portfolio, io, runtime);
  registerRemove(portfolio, io, runtime);
}
