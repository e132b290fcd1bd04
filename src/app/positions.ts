/**
 * Use case `positions`: the ledger replayed into positions, open tax lots, realised gains by
 * term, income and cash (docs/conventions.md, "Ledger"). Money in the document is rounded to
 * cents; per-share figures keep 12 significant digits. A row whose `currency` is not USD is
 * INVALID_INPUT: ledgers in several currencies go through `positionsInBase` (docs/currencies.md).
 *
 * @example
 * ```ts
 * const doc = positions({ transactions: { path: 'ledger.csv' }, lotMethod: 'hifo' }, deps);
 * doc.realizedTotal.longTerm; // dollars
 * ```
 */

import * as z from 'zod';
import { buildLedger } from '../domain/ledger/ledger.ts';
import { summarizePositions, type PositionsReport } from '../domain/ledger/positions.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { parseInput } from './input.ts';
import { refuseForeignRows } from './ledger-base.ts';
import { roundCents, roundFine } from './rounding.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { accountTaxTypes, washOption, washRuleShape } from './tax-ledger.ts';

/** Input of {@link positions}. */
export const positionsInputSchema = z.object({
  /** The ledger, in the transactions-CSV format. */
  transactions: textSourceSchema,
  /** Ignore transactions after this date. */
  asOf: isoDateSchema.optional(),
  lotMethod: lotMethodSchema.default('fifo'),
  /** Wash sales (on by default): accounts' tax types, equivalent symbols, the partial-lot rule. */
  ...washRuleShape,
});

/** What callers pass to {@link positions} (defaults applied inside). */
export type PositionsInput = z.input<typeof positionsInputSchema>;

/** The `positions` document (the CLI's `--format json`). */
export type PositionsDocument = PositionsReport;

/** Rounds money to cents for the document (per-share figures keep full precision). */
export function positionsDocument(report: PositionsReport): PositionsDocument {
  return {
    ...report,
    positions: report.positions.map((p) => ({
      ...p,
      costBasisTotal: roundCents(p.costBasisTotal),
      costBasisPerShare: roundFine(p.costBasisPerShare),
      lots: p.lots.map((l) => ({ ...l, costPerShare: roundFine(l.costPerShare) })),
    })),
  };
}

/** Positions, lots and realised gains of a ledger (see the module comment). */
export function positions(raw: PositionsInput): PositionsDocument {
  const input = parseInput(positionsInputSchema, raw);
  const { text, name } = readSource(input.transactions, 'transactions');
  const transactions = parseTransactionsCsv(text, name);
  refuseForeignRows(transactions, 'USD', 'give baseCurrency (CLI: --base-currency) to convert it');
  const ledger = buildLedger(transactions, {
    lotMethod: input.lotMethod,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    ...washOption(input, accountTaxTypes(input.accounts)),
  });
  return positionsDocument(summarizePositions(ledger));
}
