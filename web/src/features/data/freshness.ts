/**
 * How old stored data is: the calendar days from its last date to today (the browser's date,
 * UTC), and whether that is stale — prices more than {@link STALE_AFTER_DAYS}.prices days behind
 * (a long weekend is 4), economic series (monthly or slower) more than
 * {@link STALE_AFTER_DAYS}.series. Imported return columns (`RETURNS:<column>`) are as current as
 * their file: no provider refreshes them.
 */
import type { CoverageEntry } from '../../../../src/app/data-list.ts';

/** Days after which stored data counts as stale, by kind. */
export const STALE_AFTER_DAYS = { prices: 5, series: 45 } as const;

/** Prefix of imported return columns. */
export const IMPORTED_PREFIX = 'RETURNS:';

/** Today as an ISO date (UTC). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
};

/** Freshness of one entry. */
export interface Freshness {
  /** Calendar days from the last stored date to today. */
  readonly ageDays: number;
  readonly state: 'current' | 'stale' | 'imported';
}

/** The freshness of `entry` on `today` (module comment). */
export function freshnessOf(entry: CoverageEntry, today: string): Freshness {
  const ageDays = Math.max(0, Math.round(dayNumber(today) - dayNumber(entry.last)));
  if (entry.kind === 'series' && entry.id.startsWith(IMPORTED_PREFIX))
    return { ageDays, state: 'imported' };
  return { ageDays, state: ageDays > STALE_AFTER_DAYS[entry.kind] ? 'stale' : 'current' };
}

/** True when a provider can refresh `entry` (everything but imported return columns). */
export const refreshable = (entry: CoverageEntry): boolean =>
  !(entry.kind === 'series' && entry.id.startsWith(IMPORTED_PREFIX));
