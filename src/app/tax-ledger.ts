/**
 * The ledger as the tax use cases replay it (docs/conventions.md "Wash sales"): from a
 * transactions file or a stored portfolio, with the accounts' tax treatment (an accounts file
 * `account,type`, else the stored portfolio's accounts, else every account taxable), the
 * user's groups of substantially identical securities, and the wash-sale rule on by default.
 *
 * @example
 * ```ts
 * const { ledger, taxTypes } = await readTaxLedger(parseInput(z.object(taxLedgerShape), raw), deps);
 * ```
 */

import * as z from 'zod';
import { invalidInput } from '../domain/errors.ts';
import type { TaxType } from '../domain/ledger/accounts.ts';
import { buildLedger, type LedgerResult } from '../domain/ledger/ledger.ts';
import type { WashRules } from '../domain/ledger/wash-sales.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { equivalentsFromGroups, type Equivalents } from '../domain/tax/equivalents.ts';
import { parseAccountsCsv } from '../data/ledger/accounts-csv.ts';
import { parseEquivalentsCsv } from '../data/ledger/equivalents-csv.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { readSource, textSourceSchema } from './sources.ts';
import {
  portfolioNameSchema,
  readStoredLedger,
  storeHolding,
  type StoredLedgerDeps,
} from './stored-ledger.ts';

/** Groups of substantially identical symbols, e.g. `[["VOO", "IVV", "SPY"]]`. */
export const equivalentsSchema = z.array(z.array(z.string().trim().min(1)).min(1));

/** The fields of a tax ledger input (spread into a use case's `z.object`). */
export const taxLedgerShape = {
  /** Transactions CSV (the ledger). Give this or `portfolio`. */
  transactions: textSourceSchema.optional(),
  /** A stored portfolio whose ledger and accounts to use. */
  portfolio: portfolioNameSchema.optional(),
  /** Accounts CSV `account,type` (taxable | traditional_ira | roth_ira); default all taxable. */
  accounts: textSourceSchema.optional(),
  /**
   * Substantially identical securities (default: only the same symbol): lists of symbols, or a
   * CSV `symbol,group`.
   */
  equivalents: z.union([equivalentsSchema, textSourceSchema]).optional(),
  lotMethod: lotMethodSchema.default('fifo'),
  /** Ignore transactions after this date. */
  asOf: isoDateSchema.optional(),
  /** Whether the unsold rest of a lot bought within 30 days replaces (default: it does). */
  partialLot: z.enum(['replacement', 'not-replacement']).default('replacement'),
  /** Apply the wash-sale rule (default true). */
  washSales: z.boolean().default(true),
};

/** A validated tax ledger input. */
export type TaxLedgerInput = z.output<z.ZodObject<typeof taxLedgerShape>>;

/** The replayed ledger with the rules it ran under. */
export interface TaxLedger {
  readonly transactions: readonly Transaction[];
  readonly ledger: LedgerResult;
  readonly taxTypes: ReadonlyMap<string, TaxType>;
  readonly equivalents: Equivalents;
}

/** The tax types of stored portfolio `name`'s accounts. */
export async function storedTaxTypes(
  name: string,
  deps: StoredLedgerDeps,
): Promise<Map<string, TaxType>> {
  const store = await storeHolding(name, deps);
  const accounts = await store.portfolios.listAccounts(name);
  return new Map(accounts.map((a) => [a.name, a.taxType]));
}

/** The transactions and the accounts' tax types of the input's source. */
async function readSources(
  input: TaxLedgerInput,
  deps: StoredLedgerDeps | undefined,
): Promise<{ transactions: Transaction[]; taxTypes: Map<string, TaxType> }> {
  if (input.transactions !== undefined && input.portfolio !== undefined)
    throw invalidInput('portfolio', input.portfolio, 'give transactions or portfolio, not both');
  if (input.transactions === undefined && input.portfolio === undefined)
    throw invalidInput('transactions', undefined, 'give transactions or portfolio');
  const taxTypes = accountTaxTypes(input.accounts);
  if (input.transactions) {
    const { text, name } = readSource(input.transactions, 'transactions');
    return { transactions: parseTransactionsCsv(text, name), taxTypes };
  }
  if (!deps) throw invalidInput('portfolio', input.portfolio, 'a stored portfolio needs the store');
  const name = input.portfolio!;
  const transactions = await readStoredLedger(name, deps);
  return { transactions, taxTypes: input.accounts ? taxTypes : await storedTaxTypes(name, deps) };
}

/** The equivalence groups of the input: given as lists, or read from a `symbol,group` CSV. */
function equivalentsOf(given: TaxLedgerInput['equivalents']): Equivalents {
  if (given === undefined) return new Map();
  if (Array.isArray(given)) return equivalentsFromGroups(given);
  const { text, name } = readSource(given, 'equivalents');
  return parseEquivalentsCsv(text, name);
}

/** The fields of {@link taxLedgerShape} that set the wash-sale rule. */
export const washRuleShape = {
  accounts: taxLedgerShape.accounts,
  equivalents: taxLedgerShape.equivalents,
  partialLot: taxLedgerShape.partialLot,
  washSales: taxLedgerShape.washSales,
};

/** Tax types of an accounts CSV `account,type` (none: an empty map, every account taxable). */
export function accountTaxTypes(source: TaxLedgerInput['accounts']): Map<string, TaxType> {
  const taxTypes = new Map<string, TaxType>();
  if (source === undefined) return taxTypes;
  const { text, name } = readSource(source, 'accounts');
  for (const a of parseAccountsCsv(text, name)) taxTypes.set(a.name, a.taxType);
  return taxTypes;
}

/**
 * The ledger options of the wash-sale rule: `{ wash }` under the given tax types, or nothing
 * when `washSales` is false.
 */
export function washOption(
  input: Pick<TaxLedgerInput, 'equivalents' | 'partialLot' | 'washSales'>,
  taxTypes: ReadonlyMap<string, TaxType>,
): { wash?: WashRules } {
  if (!input.washSales) return {};
  return {
    wash: { taxTypes, equivalents: equivalentsOf(input.equivalents), partialLot: input.partialLot },
  };
}

/** Replays the input's ledger under the wash-sale rule (unless `washSales` is false). */
export async function readTaxLedger(
  input: TaxLedgerInput,
  deps?: StoredLedgerDeps,
): Promise<TaxLedger> {
  const { transactions, taxTypes } = await readSources(input, deps);
  const equivalents = equivalentsOf(input.equivalents);
  const ledger = buildLedger(transactions, {
    lotMethod: input.lotMethod,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    ...(input.washSales ? { wash: { taxTypes, equivalents, partialLot: input.partialLot } } : {}),
  });
  return { transactions, ledger, taxTypes, equivalents };
}
