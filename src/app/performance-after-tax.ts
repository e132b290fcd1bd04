/**
 * The `afterTax` block of the `performance` document (docs/tax.md "After-tax return"): the
 * ledger replayed again, this time under the wash-sale rule with the accounts' tax types, and
 * the window's taxable gains, income, estimated tax and after-tax Modified Dietz return
 * (`domain/performance/after-tax.ts`).
 *
 * Tax types come from `accounts` (CSV `account,type`) when given, else from the stored
 * portfolio's accounts, else every account is taxable. The washed replay runs over the whole
 * ledger, not only up to the window's end: a replacement bought in the 30 days after a loss
 * sale of the window disallows it as on the tax return. `pnl` stays the economic P&L of the
 * replay without wash sales.
 */

import { buildLedger } from '../domain/ledger/ledger.ts';
import type { TaxType } from '../domain/ledger/accounts.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { afterTaxReturn } from '../domain/performance/after-tax.ts';
import type { HistoryDay } from '../domain/performance/types.ts';
import type { TaxRates } from '../domain/tax/types.ts';
import { afterTaxDocument, type AfterTaxDocument } from './performance-document.ts';
import type { StoredLedgerDeps } from './stored-ledger.ts';
import { accountTaxTypes, storedTaxTypes, washOption, type TaxLedgerInput } from './tax-ledger.ts';

/** The fields of the `performance` input the after-tax view reads (validated). */
export interface AfterTaxInput extends Pick<
  TaxLedgerInput,
  'accounts' | 'equivalents' | 'partialLot' | 'washSales' | 'lotMethod'
> {
  readonly portfolio?: string | undefined;
  readonly taxRates: TaxRates;
}

/** The accounts' tax types: the accounts file, else the stored portfolio's, else none (taxable). */
async function taxTypesOf(
  input: AfterTaxInput,
  deps: StoredLedgerDeps,
): Promise<ReadonlyMap<string, TaxType>> {
  if (input.accounts !== undefined || input.portfolio === undefined)
    return accountTaxTypes(input.accounts);
  return storedTaxTypes(input.portfolio, deps);
}

/** The after-tax block of the window `days` of `transactions` (see the module comment). */
export async function performanceAfterTax(
  run: {
    readonly input: AfterTaxInput;
    readonly transactions: readonly Transaction[];
    /** The window's history (`days[0]` the base close). */
    readonly days: readonly HistoryDay[];
  },
  deps: StoredLedgerDeps,
): Promise<AfterTaxDocument> {
  const { input, transactions, days } = run;
  const taxTypes = await taxTypesOf(input, deps);
  const ledger = buildLedger(transactions, {
    lotMethod: input.lotMethod,
    ...washOption(input, taxTypes),
  });
  return afterTaxDocument(
    afterTaxReturn({
      days,
      realized: ledger.realized,
      transactions,
      taxTypes,
      rates: input.taxRates,
    }),
  );
}
