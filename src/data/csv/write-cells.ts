/**
 * Cells of CSV files written for Ballast's own readers to read back exactly: RFC 4180 fields,
 * numbers as plain decimals (the readers take no exponents: fields.ts `RowReader.number`) and
 * money from integer cents, with no floating-point step in between.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted (inner quotes doubled) when it holds a comma, a quote or a line end. */
export function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The shortest plain decimal that reads back as the double `x` (finite): JavaScript's own
 * shortest round-trip digits (`String(x)`) with an exponent spelled out in zeros — `1.5e-7` is
 * `0.00000015`, `5e-324` a `0.` and 323 zeros before the `5`, `1e21` a 1 and 21 zeros; `-0` is
 * `-0`.
 */
export function plainDecimal(x: number): string {
  if (Object.is(x, -0)) return '-0';
  const text = String(x);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const sign = text.startsWith('-') ? '-' : '';
  const mantissa = text.slice(sign.length, e);
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Where the decimal point goes among `digits`.
  const point = (dot < 0 ? mantissa.length : dot) + Number(text.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Integer cents (a safe integer) as exact dollars with two decimals: −3862 is `-38.62`, 5 is
 * `0.05`, 100 is `1.00`.
 *
 * @throws RangeError when `cents` is not a safe integer.
 */
export function centsDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not whole cents: ${cents}`);
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
