/**
 * Use case `positions --portfolio`: the `positions` document of a stored portfolio's ledger —
 * the same document `positions` gives for the transactions file it was imported from (lot ids
 * are `L<line>` of the stored source lines).
 *
 * @example
 * ```ts
 * const doc = await portfolioPositions({ portfolio: 'main', lotMethod: 'hifo' }, deps);
 * ```
 */

import * as z from 'zod';
import { buildLedger } from '../domain/ledger/ledger.ts';
import { summarizePositions } from '../domain/ledger/positions.ts';
import { parseInput } from './input.ts';
import { positionsDocument, type PositionsDocument } from './positions.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { portfolioNameSchema, readStoredLedger, type StoredLedgerDeps } from './stored-ledger.ts';
import { accountTaxTypes, storedTaxTypes, washOption, washRuleShape } from './tax-ledger.ts';

/** Input of {@link portfolioPositions}. */
export const portfolioPositionsInputSchema = z.object({
  /** The stored portfolio whose ledger to replay. */
  portfolio: portfolioNameSchema,
  /** Ignore transactions after this date. */
  asOf: isoDateSchema.optional(),
  lotMethod: lotMethodSchema.default('fifo'),
  /** Wash sales (on by default): accounts' tax types (default: the stored accounts), equivalents. */
  ...washRuleShape,
});

/** What callers pass to {@link portfolioPositions}. */
export type PortfolioPositionsInput = z.input<typeof portfolioPositionsInputSchema>;

/** Positions, lots and realised gains of a stored portfolio (see the module comment). */
export async function portfolioPositions(
  raw: PortfolioPositionsInput,
  deps: StoredLedgerDeps,
): Promise<PositionsDocument> {
  const input = parseInput(portfolioPositionsInputSchema, raw);
  const transactions = await readStoredLedger(input.portfolio, deps);
  const taxTypes = input.accounts
    ? accountTaxTypes(input.accounts)
    : await storedTaxTypes(input.portfolio, deps);
  const ledger = buildLedger(transactions, {
    lotMethod: input.lotMethod,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    ...washOption(input, taxTypes),
  });
  return positionsDocument(summarizePositions(ledger));
}
