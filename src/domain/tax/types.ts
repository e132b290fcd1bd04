import type { IsoDate } from '../calendar/iso-date.ts';
import type { Cents } from '../ledger/money.ts';

/** One Form 8949 row (temporary copy of the shape; the lead's version of this file replaces it). */
export interface GainRow {
  readonly symbol: string;
  readonly account: string;
  readonly lotId: string;
  readonly quantity: number; // shares sold (positive)
  readonly acquired: IsoDate | 'INHERITED'; // Form 8949 column (b): wash-adjusted date, or INHERITED
  readonly disposed: IsoDate; // column (c)
  readonly proceedsCents: Cents; // column (d)
  readonly costBasisCents: Cents; // column (e)
  readonly adjustmentCode: '' | 'W'; // column (f)
  readonly adjustmentCents: Cents; // column (g): disallowed wash-sale loss, ≥ 0
  readonly gainCents: Cents; // column (h) = d − e + g
  readonly term: 'short' | 'long';
  readonly part: 'I' | 'II'; // Part I short-term, Part II long-term
}
