import { addDays, addYears, daysBetween, type IsoDate } from '../calendar/iso-date.ts';

/** Tax term of a realised gain. */
export type Term = 'short' | 'long';

/** First anniversaries already computed (a ledger sells lots of the same dates many times). */
const anniversaries = new Map<IsoDate, IsoDate>();
/** The last acquisition date asked about and its anniversary (sales relieve lots in runs). */
const last: { acquired?: IsoDate; anniversary: IsoDate } = { anniversary: '' };

/**
 * Holding-period term of a long position (docs/conventions.md, IRS Pub. 550): long-term when disposed of
 * **more than** one year after acquisition, i.e. strictly after the first anniversary of the
 * acquisition date. Bought 2023-03-15: sold 2024-03-15 is short-term, 2024-03-16 long-term.
 * An acquisition on 29 February has its anniversary on 28 February of a common year.
 */
export function holdingTerm(acquired: IsoDate, disposed: IsoDate): Term {
  if (acquired === last.acquired) return disposed > last.anniversary ? 'long' : 'short';
  let anniversary = anniversaries.get(acquired);
  if (anniversary === undefined) {
    if (anniversaries.size >= 4096) anniversaries.clear();
    anniversary = addYears(acquired, 1);
    anniversaries.set(acquired, anniversary);
  }
  last.acquired = acquired;
  last.anniversary = anniversary;
  return disposed > anniversary ? 'long' : 'short';
}

/**
 * The first day on which a long lot acquired on `acquired` is long-term ({@link holdingTerm}):
 * the day after the first anniversary of the acquisition. Bought 2023-03-15: long-term from
 * 2024-03-16; bought 2024-02-29: the anniversary is 2025-02-28, long-term from 2025-03-01.
 */
export function longTermFrom(acquired: IsoDate): IsoDate {
  return addDays(addYears(acquired, 1), 1);
}

/**
 * Calendar days from `asOf` until a long lot acquired on `acquired` turns long-term
 * ({@link longTermFrom}); 0 when it is long-term on `asOf` already. Bought 2023-03-01, on
 * 2024-02-29 (a leap day): long-term from 2024-03-02, 2 days away.
 */
export function daysUntilLongTerm(acquired: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(asOf, longTermFrom(acquired)));
}
