/**
 * Return frequencies and the periods-per-year each implies (docs/conventions.md, "Units": 252 trading
 * days, 52 weeks, 12 months, 4 quarters, 1 year). Annualising functions take the number
 * explicitly; this table is where it comes from.
 */

import type { BucketFrequency } from '../calendar/period-bucket.ts';

/** Frequency of a return series. */
export type Frequency = 'daily' | BucketFrequency;

/** Every frequency, highest first (the CLI's `--frequency` choices). */
export const FREQUENCIES: readonly Frequency[] = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'annual',
];

const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = {
  daily: 252,
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  annual: 1,
};

/** Periods per year of `frequency`: 252, 52, 12, 4 or 1. */
export function periodsPerYear(frequency: Frequency): number {
  return PERIODS_PER_YEAR[frequency];
}

/** True when `text` names a {@link Frequency} (for parsing user input at the edges). */
export function isFrequency(text: string): text is Frequency {
  return (FREQUENCIES as readonly string[]).includes(text);
}
