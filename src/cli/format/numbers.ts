/**
 * The CLI's one formatting module for money, quantities and percentages (people, not machines).
 * The `Intl` formatters are built on first use: building them costs ~20 ms, which a command that
 * prints JSON should not pay.
 */

interface Formatters {
  readonly money: Intl.NumberFormat;
  readonly percent: Intl.NumberFormat;
  readonly quantity: Intl.NumberFormat;
  readonly price: Intl.NumberFormat;
}

let formatters: Formatters | undefined;

function intl(): Formatters {
  formatters ??= {
    money: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    percent: new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }),
    quantity: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
    price: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
  };
  return formatters;
}

/** Dollars with thousands separators and cents: `-1,234.50`. */
export const fmtMoney = (x: number): string => intl().money.format(x === 0 ? 0 : x);
/** A fraction as a percentage with one decimal: 0.1234 → `12.3%`. */
export const fmtPercent = (x: number): string => intl().percent.format(x);
/** A share quantity with up to six decimals. */
export const fmtQuantity = (x: number): string => intl().quantity.format(x);
/**
 * Per-share prices with two to four decimals. One formatter for every call: `toLocaleString`
 * with options builds a new one each time (~25 µs, minutes on a table of a million lots).
 */
export const fmtPrice = (x: number): string => intl().price.format(x);
export { roundCents, roundFine } from '../../app/rounding.ts';
