/**
 * Realised lot slices → Form 8949 rows and their totals (docs/conventions.md "Tax reports").
 * Rows of tax-advantaged accounts (traditional and Roth IRAs) are not reportable and are left
 * out; a wash-sale adjustment is column (g) with code W; the date acquired is the wash-adjusted
 * one, `INHERITED` for inherited shares; short sales are short-term (IRS Pub. 550).
 */

import type { TaxType } from '../ledger/accounts.ts';
import type { RealizedSlice } from '../ledger/types.ts';
import type { GainRow, GainTotals } from './types.ts';

/** Options of {@link gainRows}. */
export interface GainRowOptions {
  /** Tax treatment by account; accounts not listed are taxable. */
  readonly taxTypes?: ReadonlyMap<string, TaxType>;
  /** Keep only dispositions in this calendar year. */
  readonly year?: number;
}

/** The reportable rows of a ledger's realised slices, in the ledger's order. */
export function gainRows(
  realized: readonly RealizedSlice[],
  options: GainRowOptions = {},
): GainRow[] {
  const prefix = options.year === undefined ? undefined : `${options.year}-`;
  const rows: GainRow[] = [];
  for (const slice of realized) {
    if ((options.taxTypes?.get(slice.account) ?? 'taxable') !== 'taxable') continue;
    if (prefix !== undefined && !slice.disposed.startsWith(prefix)) continue;
    const adjustment = slice.washDisallowedCents ?? 0;
    rows.push({
      symbol: slice.symbol,
      account: slice.account,
      lotId: slice.lotId,
      quantity: slice.quantity,
      acquired: slice.inherited ? 'INHERITED' : (slice.adjustedAcquired ?? slice.acquired),
      disposed: slice.disposed,
      proceedsCents: slice.proceedsCents,
      costBasisCents: slice.costBasisCents,
      adjustmentCode: adjustment > 0 ? 'W' : '',
      adjustmentCents: adjustment,
      ...(slice.washLostCents ? { lostCents: slice.washLostCents } : {}),
      gainCents: slice.gainCents,
      term: slice.term,
      part: slice.term === 'short' ? 'I' : 'II',
    });
  }
  return rows;
}

/** Totals of rows by term, with the disallowed and lost wash-sale losses. */
export function gainTotals(rows: readonly GainRow[]): GainTotals {
  let shortTermCents = 0;
  let longTermCents = 0;
  let disallowedCents = 0;
  let proceedsCents = 0;
  let costBasisCents = 0;
  let lostCents = 0;
  for (const row of rows) {
    if (row.term === 'short') shortTermCents += row.gainCents;
    else longTermCents += row.gainCents;
    disallowedCents += row.adjustmentCents;
    proceedsCents += row.proceedsCents;
    costBasisCents += row.costBasisCents;
    lostCents += row.lostCents ?? 0;
  }
  return {
    shortTermCents,
    longTermCents,
    disallowedCents,
    lostCents,
    proceedsCents,
    costBasisCents,
  };
}
