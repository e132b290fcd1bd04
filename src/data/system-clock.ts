import type { Clock } from '../domain/clock.ts';

/**
 * The wall clock. `today()` is the date in America/New_York (US market days), so a fetch at
 * 01:00 UTC still belongs to the previous US trading day.
 */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date()),
};
