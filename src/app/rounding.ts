/** Rounding of JSON documents: money to cents, other figures free of binary noise. */

/** Rounds dollars to cents for JSON output, removing binary noise (0.1 + 0.2 → 0.3). */
export const roundCents = (x: number): number => Math.round(x * 100) / 100 || 0;

/** Rounds to 12 significant digits for JSON output (470.59999999999997 → 470.6). */
export const roundFine = (x: number): number => Number(x.toPrecision(12));
