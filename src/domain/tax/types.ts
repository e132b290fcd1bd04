import type { IsoDate } from '../calendar/iso-date.ts';
import type { Cents } from '../ledger/money.ts';

/**
 * One reportable disposition, as a line of IRS Form 8949 (docs/conventions.md "Tax reports").
 * Only sales in taxable accounts are reportable; money in integer cents.
 */
export interface GainRow {
  readonly symbol: string;
  readonly account: string;
  readonly lotId: string;
  /** Shares sold (positive; 0 for a return of capital beyond basis). */
  readonly quantity: number;
  /** Column (b): the (wash-adjusted) date acquired, or the word `INHERITED`. */
  readonly acquired: IsoDate;
  /** Column (c): date sold or disposed of. */
  readonly disposed: IsoDate;
  /** Column (d): proceeds, net of selling costs. */
  readonly proceedsCents: Cents;
  /** Column (e): cost or other basis, including wash-sale adjustments carried by the lot. */
  readonly costBasisCents: Cents;
  /** Column (f): `W` when a wash sale disallowed part of the loss. */
  readonly adjustmentCode: '' | 'W';
  /** Column (g): the disallowed wash-sale loss, ≥ 0. */
  readonly adjustmentCents: Cents;
  /** The part of the adjustment whose replacement was bought in an IRA: lost for good. */
  readonly lostCents?: Cents;
  /** Column (h): proceeds − basis + adjustment. */
  readonly gainCents: Cents;
  readonly term: 'short' | 'long';
  /** Part I (short-term) or Part II (long-term). */
  readonly part: 'I' | 'II';
}

/** Totals of a list of {@link GainRow}s, in cents. */
export interface GainTotals {
  /** Net short-term gain (column h summed over Part I). */
  readonly shortTermCents: Cents;
  /** Net long-term gain (column h summed over Part II). */
  readonly longTermCents: Cents;
  /** Wash-sale losses disallowed (column g summed). */
  readonly disallowedCents: Cents;
  /** The part of the disallowed losses replaced in an IRA: lost for good. */
  readonly lostCents: Cents;
  readonly proceedsCents: Cents;
  readonly costBasisCents: Cents;
}

/**
 * Marginal tax rates as decimals (0.24 = 24 %): federal on short-term gains (ordinary income),
 * federal on long-term gains, state (on both), and the 3.8 % net investment income tax when it
 * applies (0 otherwise).
 */
export interface TaxRates {
  readonly shortTerm: number;
  readonly longTerm: number;
  readonly state: number;
  readonly niit: number;
}
