/**
 * The CLI's one formatting module for money, quantities and percentages (people, not machines).
 * The `Intl` formatters are built on first use: building them costs ~20 ms, which a command that
 * prints JSON should not pay.
 */

let formatters:
  { money: Intl.NumberFormat; percent: Intl.NumberFormat; quantity: Intl.NumberFormat } | undefined;

function intl(): NonNullable<typeof formatters> {
  formatters ??= {
    money: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    percent: new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }),
    quantity: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
  };
  return formatters;
}

/** Dollars with thousands separators and cents: `-1,234.50`. */
export const fmtMoney = (x: number): string => intl().money.format(x === 0 ? 0 : x);
/** A fraction as a percentage with one decimal: 0.1234 → `12.3%`. */
export const fmtPercent = (x: number): string => intl().percent.format(x);
/** A share quantity with up to six decimals. */
export const fmtQuantity = (x: number): string => intl().quantity.format(x);
/** Per-share prices with up to four decimals. */
export const fmtPrice = (x: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
export { roundCents, roundFine } from '../../app/rounding.ts';
