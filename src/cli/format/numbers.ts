/** The CLI's one formatting module for money, quantities and percentages (people, not machines). */

const money = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Dollars with thousands separators and cents: `-1,234.50`. */
export const fmtMoney = (x: number): string => money.format(x === 0 ? 0 : x);
/** A fraction as a percentage with one decimal: 0.1234 → `12.3%`. */
export const fmtPercent = (x: number): string => percent.format(x);
/** A share quantity with up to six decimals. */
export const fmtQuantity = (x: number): string => quantity.format(x);
/** Per-share prices with up to four decimals. */
export const fmtPrice = (x: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
export { roundCents, roundFine } from '../../app/rounding.ts';
