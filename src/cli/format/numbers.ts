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
/** Groups the digits of a non-negative integer in threes: `1234567` → `1,234,567`. */
function grouped(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * A fraction as a percentage with one decimal: 0.1234 → `12.3%`, 12.3456 → `1,234.6%`. Exactly
 * what `Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1,
 * maximumFractionDigits: 1 })` prints (tested against it), without building that formatter
 * (~12 ms, a tenth of a short command): the number's shortest decimal digits (as ICU takes
 * them), shifted two places, rounded half away from zero; a minus sign on any negative number,
 * −0 included. Non-finite numbers go to `Intl`.
 */
export function fmtPercent(x: number): string {
  if (!Number.isFinite(x)) return intl().percent.format(x);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  // |x|·100 = 0.d₁d₂… × 10^point: `point` digits before the decimal point.
  const point = Number(exponent) + 3;
  const kept = point + 1; // digits up to the first decimal
  let units: bigint;
  if (kept <= 0) units = 0n;
  else {
    const head = digits.slice(0, kept).padEnd(kept, '0');
    units = BigInt(head);
    if ((digits.charCodeAt(kept) || 0x30) >= 0x35) units += 1n;
  }
  if (kept === 0 && digits.charCodeAt(0) >= 0x35) units = 1n;
  const text = units.toString().padStart(2, '0');
  return `${sign}${grouped(text.slice(0, -1))}.${text.slice(-1)}%`;
}
/** A share quantity with up to six decimals. */
export const fmtQuantity = (x: number): string => intl().quantity.format(x);
/**
 * Per-share prices with two to four decimals. One formatter for every call: `toLocaleString`
 * with options builds a new one each time (~25 µs, minutes on a table of a million lots).
 */
export const fmtPrice = (x: number): string => intl().price.format(x);
export { roundCents, roundFine } from '../../app/rounding.ts';
