/**
 * Use case `tax gains`: realised gains as Form 8949 rows — wash sales applied across accounts
 * and equivalent symbols, IRA rows left out — with totals by term and, given rates, an
 * estimated tax (docs/conventions.md "Tax reports"). Money in dollars, rounded to cents.
 *
 * @example
 * ```ts
 * const doc = await taxGains({ transactions: { path: 'ledger.csv' }, year: 2024 }, deps);
 * doc.totals.disallowed; // wash-sale losses disallowed in 2024
 * ```
 */

import * as z from 'zod';
import { centsToDollars } from '../domain/ledger/money.ts';
import { estimateTax } from '../domain/tax/estimate-tax.ts';
import { gainRows, gainTotals } from '../domain/tax/gains.ts';
import type { GainRow } from '../domain/tax/types.ts';
import { parseInput } from './input.ts';
import type { StoredLedgerDeps } from './stored-ledger.ts';
import { readTaxLedger, taxLedgerShape } from './tax-ledger.ts';

const rate = z.number().min(0).lt(1);

/** The net investment income tax rate (IRC §1411), for a yes/no switch of the faces. */
export const NIIT_RATE = 0.038;

/** Marginal rates as decimals; `niit` is 0.038 when the net investment income tax applies. */
export const taxRatesSchema = z
  .object({ shortTerm: rate, longTerm: rate, state: rate.default(0), niit: rate.default(0) })
  .strict();

/** Input of {@link taxGains}. */
export const taxGainsInputSchema = z.object({
  ...taxLedgerShape,
  /** Keep dispositions of this calendar year only. */
  year: z.number().int().min(1900).max(2200).optional(),
  /** Estimate the tax with these rates. */
  rates: taxRatesSchema.optional(),
});

/** What callers pass to {@link taxGains}. */
export type TaxGainsInput = z.input<typeof taxGainsInputSchema>;

/** A Form 8949 row in dollars (the CLI contract). */
export interface GainRowDocument {
  readonly symbol: string;
  readonly account: string;
  readonly lotId: string;
  readonly quantity: number;
  readonly acquired: string;
  readonly disposed: string;
  readonly proceeds: number;
  readonly costBasis: number;
  readonly adjustmentCode: '' | 'W';
  readonly adjustment: number;
  readonly gain: number;
  readonly term: 'short' | 'long';
  readonly part: 'I' | 'II';
}

/** The `tax gains` document. */
export interface TaxGainsDocument {
  readonly year: number | null;
  readonly lotMethod: string;
  readonly washSales: boolean;
  readonly rows: readonly GainRowDocument[];
  readonly totals: {
    readonly shortTerm: number;
    readonly longTerm: number;
    /** Wash-sale losses disallowed (column g). */
    readonly disallowed: number;
    /** Of which replaced in an IRA: lost for good. */
    readonly lost: number;
    readonly proceeds: number;
    readonly costBasis: number;
  };
  /** With `rates`: the estimate (negative tax = a saving from the loss deduction). */
  readonly estimate?: {
    readonly taxedShortTerm: number;
    readonly taxedLongTerm: number;
    readonly lossDeduction: number;
    readonly carryforward: number;
    readonly tax: number;
  };
}

/** One row in dollars. */
function rowDocument(row: GainRow): GainRowDocument {
  return {
    symbol: row.symbol,
    account: row.account,
    lotId: row.lotId,
    quantity: row.quantity,
    acquired: row.acquired,
    disposed: row.disposed,
    proceeds: centsToDollars(row.proceedsCents),
    costBasis: centsToDollars(row.costBasisCents),
    adjustmentCode: row.adjustmentCode,
    adjustment: centsToDollars(row.adjustmentCents),
    gain: centsToDollars(row.gainCents),
    term: row.term,
    part: row.part,
  };
}

/** Realised gains as Form 8949 rows (see the module comment). */
export async function taxGains(
  raw: TaxGainsInput,
  deps?: StoredLedgerDeps,
): Promise<TaxGainsDocument> {
  return (await taxGainReport(raw, deps)).document;
}

/** The document and its rows in cents, for the Form 8949 and TXF writers. */
export async function taxGainReport(
  raw: TaxGainsInput,
  deps?: StoredLedgerDeps,
): Promise<{ document: TaxGainsDocument; rows: readonly GainRow[] }> {
  const input = parseInput(taxGainsInputSchema, raw);
  const { ledger, taxTypes } = await readTaxLedger(input, deps);
  const rows = gainRows(ledger.realized, {
    taxTypes,
    ...(input.year === undefined ? {} : { year: input.year }),
  });
  const t = gainTotals(rows);
  const estimate = input.rates && estimateTax(t, input.rates);
  const doc: TaxGainsDocument = {
    year: input.year ?? null,
    lotMethod: ledger.lotMethod,
    washSales: input.washSales,
    rows: rows.map(rowDocument),
    totals: {
      shortTerm: centsToDollars(t.shortTermCents),
      longTerm: centsToDollars(t.longTermCents),
      disallowed: centsToDollars(t.disallowedCents),
      lost: centsToDollars(t.lostCents),
      proceeds: centsToDollars(t.proceedsCents),
      costBasis: centsToDollars(t.costBasisCents),
    },
    ...(estimate
      ? {
          estimate: {
            taxedShortTerm: centsToDollars(estimate.taxedShortTermCents),
            taxedLongTerm: centsToDollars(estimate.taxedLongTermCents),
            lossDeduction: centsToDollars(estimate.lossDeductionCents),
            carryforward: centsToDollars(estimate.carryforwardCents),
            tax: centsToDollars(estimate.taxCents),
          },
        }
      : {}),
  };
  return { document: doc, rows };
}
