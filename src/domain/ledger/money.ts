/**
 * Money in the ledger is held as integer cents (docs/conventions.md "Units"): cash balances, lot bases and
 * realised gains add up exactly. Quantities are float64 rounded to 1e-9 share.
 */

/** Integer number of cents. */
export type Cents = number;

/**
 * Rounds half away from zero to an integer (the broker's rounding of a cash amount). The value is
 * first snapped to 1e-6 so that binary noise (1.005 × 100 = 100.49999…) does not flip a half.
 */
export function roundHalfAway(x: number): number {
  const snapped = Math.round(Math.abs(x) * 1e6) / 1e6;
  const r = Math.round(snapped);
  return x < 0 ? -r : r;
}

/** Cash value in cents of `quantity` shares at `price` dollars, rounded to the cent. */
export function tradeValueCents(quantity: number, price: number): Cents {
  return roundHalfAway(Math.abs(quantity) * price * 100);
}

/** Cents to dollars for output (exact for |x| < 2^53 cents up to float formatting). */
export function centsToDollars(cents: Cents): number {
  return cents / 100;
}

/** Share quantities are kept to 1e-9 share so that sums of fractional lots close exactly. */
export function roundQuantity(q: number): number {
  const r = Math.round(q * 1e9) / 1e9;
  return r === 0 ? 0 : r;
}

/**
 * Splits an integer amount of cents in proportion `part / whole` (|part| ≤ |whole|), rounding the
 * share half away from zero, so that the share and the remainder add up to the amount exactly.
 */
export function prorateCents(amount: Cents, part: number, whole: number): Cents {
  if (part === whole) return amount;
  return roundHalfAway((amount * part) / whole);
}
