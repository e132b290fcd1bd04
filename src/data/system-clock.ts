import type { Clock } from '../domain/clock.ts';

/**
 * The wall clock. `today()` is the date in America/New_York (US market days), so a fetch at
 * 01:00 UTC still belongs to the previous US trading day.
 */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => marketDate().format(new Date()),
};

/** The formatter of New York dates, built once (building one costs far more than using it). */
let formatter: Intl.DateTimeFormat | undefined;
const marketDate = (): Intl.DateTimeFormat =>
  (formatter ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }));
