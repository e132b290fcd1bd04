/**
 * The tax-aware trade inputs shared by `rebalance` and `plan` (docs/tax-aware-trades.md): zod
 * fields each use case spreads into its schema (so the CLI and the API take the same ones), and
 * the planner options they come to — money in dollars here, cents in the planner.
 *
 * Accounts' tax types: the accounts file `account,type` when given, else the stored portfolio's
 * accounts, else every account is taxable. The wash-sale checks read the ledger's transactions
 * and realised sales (a holdings snapshot alone has no history: nothing is checked).
 */

import * as z from 'zod';
import type { AccountInfo, TaxType } from '../domain/ledger/accounts.ts';
import type { LedgerResult } from '../domain/ledger/ledger.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { LOT_SELECTIONS } from '../domain/trades/lot-selection.ts';
import { DEFAULT_TAX_RATES } from '../domain/trades/tax-cost.ts';
import type { TradePlanOptions } from '../domain/trades/types.ts';
import { parseAccountsCsv } from '../data/ledger/accounts-csv.ts';
import { parseEquivalentsCsv } from '../data/ledger/equivalents-csv.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { storeHolding, type StoredLedgerDeps } from './stored-ledger.ts';

/** The lot selections the planner knows (re-exported for the CLI, which may not import the domain). */
export { LOT_SELECTIONS };

/** The fields of the tax-aware trade inputs (spread into a use case's `z.object`). */
export const tradeTaxInputShape = {
  /**
   * How sells pick their lots: `method` (the ledger's relief method, default), `hifo`,
   * `losses-first` or `tax-min`.
   */
  lotSelection: z.enum(LOT_SELECTIONS).default('method'),
  /** Net realised gains in taxable accounts may not exceed this many dollars: sells are cut. */
  gainsBudget: z.number().nonnegative().optional(),
  /** Accounts CSV `account,type` (taxable | traditional_ira | roth_ira). */
  accounts: textSourceSchema.optional(),
  /** Equivalents CSV `symbol,group`: one group's symbols are substantially identical. */
  equivalents: textSourceSchema.optional(),
  /** Skip buys and defer lots that would wash a loss (default true); false only flags them. */
  avoidWashSales: z.boolean().default(true),
  /** Tax rate on short-term gains, a decimal (default 0.37). */
  shortRate: z.number().min(0).max(1).default(DEFAULT_TAX_RATES.short),
  /** Tax rate on long-term gains, a decimal (default 0.20). */
  longRate: z.number().min(0).max(1).default(DEFAULT_TAX_RATES.long),
  /** No sells: cash and the deposit buy the underweight symbols. */
  cashFlowOnly: z.boolean().default(false),
  /** New money, dollars, added to cash before trading. */
  deposit: z.number().nonnegative().optional(),
  /** Account the deposit goes to (needed when the portfolio has several). */
  depositAccount: z.string().trim().min(1).optional(),
};

/** The validated tax-aware inputs. */
export type TradeTaxInput = z.output<z.ZodObject<typeof tradeTaxInputShape>>;

/** Tax types of the accounts (see the module comment). */
async function accountTypes(
  input: TradeTaxInput & { readonly portfolio?: string | undefined },
  deps: StoredLedgerDeps,
): Promise<Map<string, TaxType>> {
  let accounts: readonly AccountInfo[] = [];
  if (input.accounts !== undefined) {
    const { text, name } = readSource(input.accounts, 'accounts');
    accounts = parseAccountsCsv(text, name);
  } else if (input.portfolio !== undefined) {
    const store = await storeHolding(input.portfolio, deps);
    accounts = await store.portfolios.listAccounts(input.portfolio);
  }
  return new Map(accounts.map((a) => [a.name, a.taxType]));
}

/** Dollars (≥ 0) to whole cents. */
const cents = (dollars: number): number => Math.round(dollars * 100);

/**
 * The planner options of the tax-aware inputs, for a portfolio read with its ledger (`files`).
 * Errors: the accounts and equivalents files' own (INVALID_INPUT naming file, line and column);
 * NOT_FOUND for a stored portfolio that is not there.
 */
export async function tradeTaxOptions(
  input: TradeTaxInput & { readonly portfolio?: string | undefined },
  files: { readonly ledger?: LedgerResult; readonly transactions?: readonly Transaction[] },
  deps: StoredLedgerDeps,
): Promise<Partial<TradePlanOptions>> {
  let equivalents: Map<string, string> | undefined;
  if (input.equivalents !== undefined) {
    const { text, name } = readSource(input.equivalents, 'equivalents');
    equivalents = parseEquivalentsCsv(text, name);
  }
  const history =
    files.ledger && files.transactions
      ? { transactions: files.transactions, realized: files.ledger.realized }
      : undefined;
  return {
    lotSelection: input.lotSelection,
    accountTaxTypes: await accountTypes(input, deps),
    taxRates: { short: input.shortRate, long: input.longRate },
    avoidWashSales: input.avoidWashSales,
    cashFlowOnly: input.cashFlowOnly,
    ...(input.gainsBudget === undefined ? {} : { gainsBudgetCents: cents(input.gainsBudget) }),
    ...(history ? { history } : {}),
    ...(equivalents ? { equivalents } : {}),
    ...(input.deposit === undefined ? {} : { depositCents: cents(input.deposit) }),
    ...(input.depositAccount === undefined ? {} : { depositAccount: input.depositAccount }),
  };
}
