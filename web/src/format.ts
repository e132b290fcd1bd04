/**
 * The one formatting module of the dashboard: money, percentages, numbers and dates, in the
 * browser's locale (tests pin `en-US`). Values arrive as the API sends them — money in the
 * portfolio's currency units, returns and weights as decimals (0.05 = 5 %), dates as ISO
 * `YYYY-MM-DD` — and are never rounded before they are shown.
 */

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, options);
    cache.set(key, format);
  }
  return format;
}

const DASH = '—';

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || !Number.isFinite(value);

/** `$83,167.08` (two decimals; `currency` ISO 4217, default USD). */
export function money(value: number | null | undefined, currency = 'USD'): string {
  if (missing(value)) return DASH;
  return numberFormat(`money:${currency}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** `+$1,234.50` / `−$20.00`: a change, signed. */
export function signedMoney(value: number | null | undefined, currency = 'USD'): string {
  if (missing(value)) return DASH;
  const text = money(Math.abs(value), currency);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** `$83.2k` / `$1.2M`: money for axes and tiles. */
export function compactMoney(value: number | null | undefined, currency = 'USD'): string {
  if (missing(value)) return DASH;
  return numberFormat(`compact:${currency}`, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** `12.34 %` from the decimal 0.1234 (`digits` decimals, default 2). */
export function percent(value: number | null | undefined, digits = 2): string {
  if (missing(value)) return DASH;
  return numberFormat(`pct:${digits}`, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** `+1.20 %` / `−3.00 %`: a return or change, signed. */
export function signedPercent(value: number | null | undefined, digits = 2): string {
  if (missing(value)) return DASH;
  const text = percent(Math.abs(value), digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** `1,234.5` (up to `digits` decimals, default 4: share quantities). */
export function quantity(value: number | null | undefined, digits = 4): string {
  if (missing(value)) return DASH;
  return numberFormat(`qty:${digits}`, { maximumFractionDigits: digits }).format(value);
}

/** `1.23×`: leverage and ratios. */
export function times(value: number | null | undefined, digits = 2): string {
  if (missing(value)) return DASH;
  return `${numberFormat(`x:${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}×`;
}

/** `Sep 30, 2025` from `2025-09-30` (read as a calendar date, never shifted by a time zone). */
export function date(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return DASH;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The CSS class of a signed value: `up`, `down` or ``. */
export function tone(value: number | null | undefined): string {
  if (missing(value) || value === 0) return '';
  return value > 0 ? 'up' : 'down';
}
