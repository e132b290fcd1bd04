import type { Clock } from '../domain/clock.ts';

/**
 * The wall clock. `today()` is the date in America/New_York (US market days), so a fetch at
 * 01:00 UTC still belongs to the previous US trading day.
 */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => {
    // Formatting a date in a time zone costs tens of microseconds: a busy server asks on every
    // request, so the answer is kept for up to a second.
    const now = Date.now();
    if (now - lastToday.at >= 1000 || now < lastToday.at)
      lastToday = { at: now, value: marketDate().format(new Date(now)) };
    return lastToday.value;
  },
};

let lastToday = { at: -Infinity, value: '' };

/** The formatter of New York dates, built once (building one costs far more than using it). */
let formatter: Intl.DateTimeFormat | undefined;
const marketDate = (): Intl.DateTimeFormat =>
  (formatter ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }));
