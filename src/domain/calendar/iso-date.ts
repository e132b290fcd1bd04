/**
 * ISO calendar dates (`YYYY-MM-DD`) as plain strings: they sort lexicographically in date
 * order, serialise as themselves and carry no time zone. Pure arithmetic, no `Date`.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a leap year of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Splits a valid ISO date into numbers, or returns undefined when the text is not one. */
export function parseIsoDate(
  text: string,
): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `text` is a real calendar date in `YYYY-MM-DD` form (2023-02-29 is not). */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The same calendar day `years` later; 29 February maps to 28 February in a common year
 * (the anniversary convention used for holding periods).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  const year = p.year + years;
  const day = Math.min(p.day, daysInMonth(year, p.month));
  return `${pad(year, 4)}-${pad(p.month, 2)}-${pad(day, 2)}`;
}
