/** Day of the week of an ISO date by arithmetic on its day number (no `Date`). */

import { toDayNumber, type IsoDate } from './iso-date.ts';

/** ISO day of week: 1 = Monday … 5 = Friday, 6 = Saturday, 7 = Sunday (1970-01-01 was a Thursday). */
export function isoDayOfWeek(date: IsoDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** True on Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return isoDayOfWeek(date) >= 6;
}
